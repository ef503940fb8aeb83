using System.Globalization;
using System.Text.RegularExpressions;
using FrontDesk.Tools.Semantic;

namespace FrontDesk.Agent.Understanding;

/// <summary>What the agent asked in its last turn, so a short reply can be read in context.</summary>
public enum AgentQuestion
{
    /// <summary>Nothing in particular (open question or start of conversation).</summary>
    Nothing,

    /// <summary>Which service.</summary>
    Service,

    /// <summary>Which day.</summary>
    Date,

    /// <summary>What time.</summary>
    Time,

    /// <summary>Which of the offered slots.</summary>
    SlotChoice,

    /// <summary>A yes/no confirmation ("Shall I book it?").</summary>
    Confirmation,

    /// <summary>The caller's name.</summary>
    Name,

    /// <summary>The caller's phone number.</summary>
    Phone,

    /// <summary>The caller's e-mail address.</summary>
    Email,

    /// <summary>Which of the business's locations (a place was described, not named).</summary>
    Location,
}

/// <summary>A slot the agent offered, for replies like "the second one" or "the 3:30 one".</summary>
/// <param name="Date">Local day of the slot.</param>
/// <param name="LocalStart">Local wall-clock start.</param>
/// <param name="StaffName">Provider, when the offer named one.</param>
/// <param name="LocationName">Location, when the offer named one ("the marina one").</param>
public sealed record OfferedSlot(DateOnly Date, TimeOnly LocalStart, string? StaffName = null, string? LocationName = null);

/// <summary>Everything the understander needs besides the text.</summary>
/// <param name="Today">The spa's local date now.</param>
/// <param name="Vocabulary">The business's services, staff and locations.</param>
public sealed record UnderstandingContext(DateOnly Today, SpaVocabulary Vocabulary)
{
    /// <summary>Whole days the business is closed.</summary>
    public IReadOnlyList<DateOnly> Closures { get; init; } = [];

    /// <summary>What the agent last asked.</summary>
    public AgentQuestion LastAsked { get; init; } = AgentQuestion.Nothing;

    /// <summary>The slots offered in the last turn (up to three), in the order they were said.</summary>
    public IReadOnlyList<OfferedSlot> OfferedSlots { get; init; } = [];

    /// <summary>The exact time the caller asked for earlier, if any: a plain "yes" to offers that include it picks it.</summary>
    public TimeOnly? RequestedTime { get; init; }

    /// <summary>The day or days the conversation is about (asked for or offered), for "the day after" and "the following week".</summary>
    public DateRange? DateInPlay { get; init; }

    /// <summary>The language the message is read in ("en", "es"); null: English.</summary>
    public string? Language { get; init; }

    /// <summary>The reply before this message gave the address of a place ("where are you located?"): a bare "miami?" asks about a city.</summary>
    public bool AfterAddress { get; init; }
}

/// <summary>What a move's "make it …" asks the appointment to become: services named (or none), and a length in minutes.</summary>
/// <param name="Services">The services the change names; none when only a length is said ("make it the 90 min").</param>
/// <param name="Minutes">The length said, if any.</param>
public sealed record ServiceChange(ServiceMatch Services, int? Minutes);

/// <summary>One user turn, understood. Spans refer to <see cref="Text"/>.</summary>
public sealed record Utterance
{
    /// <summary>The normalised text everything below was read from.</summary>
    public required string Text { get; init; }

    /// <summary>The intent, possibly adjusted for what the agent asked.</summary>
    public required Intent Intent { get; init; }

    /// <summary>Probability of <see cref="Intent"/> from the classifier (1 when set by context).</summary>
    public required double Confidence { get; init; }

    /// <summary>The classifier's top intents, best first, before any adjustment.</summary>
    public required IReadOnlyList<IntentScore> Alternatives { get; init; }

    /// <summary>Services mentioned: one, candidates to choose from, several, or none.</summary>
    public required ServiceMatch Services { get; init; }

    /// <summary>Provider asked for, or Any, or none.</summary>
    public required StaffMatch Staff { get; init; }

    /// <summary>Location mentioned, if any.</summary>
    public LocationMatch? Location { get; init; }

    /// <summary>Day or days mentioned, if any.</summary>
    public DateMatch? Date { get; init; }

    /// <summary>The day of the appointment a move starts from, when the message says both ("the tuesday one to saturday"); <see cref="Date"/> is where it goes.</summary>
    public DateRange? MoveFrom { get; init; }

    /// <summary>
    /// Single days named one after the other with "and" ("cancel the friday and saturday ones", "cancela la del viernes y la
    /// del sábado" read "… of friday and the of saturday"): two or more, in the order said; empty otherwise (round 23).
    /// </summary>
    public IReadOnlyList<DateOnly> DaysNamed { get; init; } = [];

    /// <summary>A weekday and a date that do not agree ("friday the 12th", a Saturday): the two days it may mean (round 25).</summary>
    public IReadOnlyList<DateOnly> DayChoices { get; init; } = [];

    /// <summary>
    /// A booking asked beside a cancel ("cancel my friday and book me a massage saturday instead"), as read: taken up once
    /// the cancel is done (round 21).
    /// </summary>
    public string? ThenBook { get; init; }

    /// <summary>Time preference, if any.</summary>
    public TimePreference? Time { get; init; }

    /// <summary>Phone number in E.164, if any.</summary>
    public string? Phone { get; init; }

    /// <summary>E-mail address, if any.</summary>
    public string? Email { get; init; }

    /// <summary>The caller's own name, if given.</summary>
    public string? Name { get; init; }

    /// <summary>Yes/no reading of the reply.</summary>
    public required YesNo YesNo { get; init; }

    /// <summary>True when the caller changes something said earlier ("actually make it 4", "yes but Tuesday").</summary>
    public required bool IsCorrection { get; init; }

    /// <summary>Text after a yes/no ("make it 4" in "yes but make it 4"); empty otherwise.</summary>
    public required string Remainder { get; init; }

    /// <summary>Index into <see cref="UnderstandingContext.OfferedSlots"/> of the slot chosen, when one was.</summary>
    public int? ChosenSlot { get; init; }

    /// <summary>A move relative to an existing appointment, in minutes: "an hour later" +60, "30 min earlier" -30.</summary>
    public int? ShiftMinutes { get; init; }

    /// <summary>"same time": keep the existing appointment's time of day.</summary>
    public bool SameTime { get; init; }

    /// <summary>"that day", "same day", "earlier that day": keep the existing appointment's day.</summary>
    public bool SameDay { get; init; }

    /// <summary>"later in the day", "earlier that day": after (or before) the existing appointment's own time.</summary>
    public TimeNudge DayNudge { get; init; }

    /// <summary>The message asks to change an existing appointment ("move my massage", "can we make it an hour later").</summary>
    public bool ChangesAppointment { get; init; }

    /// <summary>
    /// A move that also changes the service ("move it to friday and make it the 90 min", "make it a pedicure instead"):
    /// what the appointment should become. <see cref="Services"/> then names only the appointment being moved.
    /// </summary>
    public ServiceChange? ChangeServiceTo { get; init; }

    /// <summary>
    /// Another provider than the one in play ("someone else", "a different person"), or than the one named ("not Sofia",
    /// "anyone but Maya", "instead of maya": <see cref="NotStaffId"/>).
    /// </summary>
    public bool OtherProvider { get; init; }

    /// <summary>
    /// A place asked about ("any openings in new york city", "tienen citas en miami") that none of the business's places is
    /// in (by the city of its address, its name, or the city's initials: "sf"); null when the profile's addresses give no city.
    /// </summary>
    public string? PlaceElsewhere { get; init; }

    /// <summary>The provider named as not wanted ("not Sofia", "anyone but Maya"), if one was.</summary>
    public string? NotStaffId { get; init; }

    /// <summary>
    /// Weekdays said as not wanted ("any day but monday", "this week except wednesday", "cualquier día menos el lunes"
    /// glossed), lower-case English names separated by commas ("saturday,sunday" for "except weekends"); null when none.
    /// </summary>
    public string? NotWeekdays { get; init; }

    /// <summary>
    /// For a question about the person's own visit, the question without it ("where can i park" of "where can i park when
    /// I come for my massage"): what the FAQ is asked. Null: ask with <see cref="Text"/>.
    /// </summary>
    public string? FaqQuestion { get; init; }

    /// <summary>Small cues read against the question pending (a position, a length, a code, a bare name).</summary>
    public ReplyCues Cues { get; init; } = ReplyCues.None;

    /// <summary>The language the message was read in ("en", "es"); null: English.</summary>
    public string? Language { get; init; }
}

/// <summary>
/// Combines the extractors and the intent classifier into one reading of a user turn, using what the
/// agent last asked to read short replies ("3", "the second one", "Ava", "yes but make it 4").
/// Pure and thread-safe; a call takes tens of microseconds.
/// </summary>
public sealed partial class Understander
{
    private static readonly HashSet<Intent> WeakForAnswers =
    [
        Intent.Unknown, Intent.OutOfScope, Intent.Smalltalk, Intent.Greeting, Intent.Affirm, Intent.Deny,
        Intent.Faq, Intent.Thanks, Intent.Correction, Intent.Book, Intent.Availability,
    ];

    private static readonly HashSet<Intent> MayBeASpaQuestion =
    [
        // Not MyAppointments: "when is my appointment?" is about the person's own booking, never the FAQ's "how early …".
        Intent.OutOfScope, Intent.Availability, Intent.Book, Intent.Unknown, Intent.Smalltalk,
    ];

    private readonly IntentClassifier _classifier;
    private readonly Func<string, bool>? _answeredBySpa;
    private readonly Func<string, IReadOnlyList<Tools.Semantic.ServiceByMeaning>>? _servicesByMeaning;
    private readonly Func<string, float>? _faqCloseness;

    /// <summary>
    /// A question for openings on a day for a service meant but not named ("my toenails need some love, anything
    /// thursday?"): a search, not the FAQ, though the service's own facts answer it by meaning.
    /// </summary>
    private bool AsksForOpeningsForAServiceMeant(Intent intent, DateMatch? date, ServiceMatch services, StaffMatch staff, string prepared, SpaVocabulary vocabulary) =>
        _servicesByMeaning is not null && MayNameAServiceByMeaning.Contains(intent) && date is not null
        && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None
        && !OnlyAnAppointment(prepared) && !CareTreatments.NamesOneNotOffered(prepared, vocabulary)
        && ServiceMatcher.FromMeaning(vocabulary, _servicesByMeaning(SemanticIntents.ForModel(WithoutAppointmentWords(prepared)))).Kind != ServiceMatchKind.None;

    /// <summary>
    /// "i want an appointment", "can i make an appt for friday", "quiero una cita" (read as "I want an appointment"): a
    /// request for an appointment that names nothing else. The generic word names no service: the model puts
    /// "appointment" near Injectables Consultation and Prenatal Massage, so it is never read by meaning.
    /// </summary>
    internal static bool OnlyAnAppointment(string prepared)
    {
        var lowered = TextNormalizer.LowerSameLength(prepared);
        return AppointmentWord().IsMatch(lowered)
            && RequestFiller().Replace(AppointmentWord().Replace(lowered, " "), " ").All(c => !char.IsLetterOrDigit(c));
    }

    /// <summary>The text without its generic appointment words, for reading a service by meaning ("an appointment for something to relax").</summary>
    private static string WithoutAppointmentWords(string prepared) =>
        string.Join(' ', AppointmentWord().Replace(prepared, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Intents under which a service may be read by meaning: a request, or words the classifier could not place.</summary>
    private static readonly HashSet<Intent> MayNameAServiceByMeaning =
    [
        Intent.Book, Intent.Availability, Intent.Waitlist, Intent.Unknown, Intent.OutOfScope, Intent.Smalltalk,
    ];

    /// <summary>An understander using <paramref name="classifier"/>, or the embedded-trained one.</summary>
    public Understander(IntentClassifier? classifier = null) : this(classifier, null)
    {
    }

    /// <summary>
    /// An understander that also asks <paramref name="answeredBySpa"/> (the spa's FAQ and profile facts matched by meaning)
    /// whether a question is one the spa's information answers: "r u guys open on sundays" is the hours question though
    /// its words read like a request for openings.
    /// </summary>
    public Understander(IntentClassifier? classifier, Func<string, bool>? answeredBySpa) : this(classifier, answeredBySpa, null)
    {
    }

    /// <summary>
    /// An understander that also reads services by meaning (<paramref name="servicesByMeaning"/>: the profile's services
    /// nearest to a message) when no service is named in words: "something to relax my shoulders" is a massage.
    /// </summary>
    /// <remarks>
    /// With <paramref name="faqCloseness"/> (how close a question is to the spa's FAQ and facts, 0..1) a question or a
    /// request for a person that is far from every spa task, from the spa's information and from its services ("how do you
    /// spell necessary", "can someone come fix my garage door") is out of scope: declined politely, not passed to the team.
    /// </remarks>
    public Understander(IntentClassifier? classifier, Func<string, bool>? answeredBySpa, Func<string, IReadOnlyList<Tools.Semantic.ServiceByMeaning>>? servicesByMeaning,
        Func<string, float>? faqCloseness = null)
    {
        _classifier = classifier ?? IntentClassifier.Default;
        _answeredBySpa = answeredBySpa;
        _servicesByMeaning = servicesByMeaning;
        _faqCloseness = faqCloseness;
    }

    /// <summary>
    /// Whether a message names another business or thing and nothing of the spa's (the escalation rules' <c>elsewhere:</c>
    /// list): a request for a person there ("let me talk to a real person at the bank") is not one for ours. Null: never.
    /// </summary>
    public Func<string, bool>? AboutElsewhere { get; init; }

    /// <summary>
    /// Whether the spa's FAQ entries cover a question by its key words, as the FAQ tool's own test does
    /// (<see cref="Tools.Faq.FaqWords"/>): "do u have packages or like a monthly thing" is the membership question though the
    /// classifier reads it as off-topic. Null: never.
    /// </summary>
    public Func<string, bool>? AnsweredByFaqWords { get; init; }

    /// <summary>
    /// Whether a short message names a topic of the spa's FAQ with no question around it ("memberships", "wifi password",
    /// "info de membresia"), for <see cref="Tools.Faq.FaqWords.NamesTopic"/>; null: not asked.
    /// </summary>
    public Func<string, bool>? NamesFaqTopic { get; init; }

    /// <summary>
    /// Whether the profile's services speak of a concern ("wrinkles", "sun spots"), for
    /// <see cref="Tools.Faq.ConcernQuestion.ServicesFor"/>: "algo para las arrugas" read as off topic is still asked of the
    /// menu (round 27). Null: never.
    /// </summary>
    public Func<string, bool>? MenuSpeaksOf { get; init; }

    /// <summary>Below this similarity to every spa task example a question may be out of scope (with <see cref="FarFromSpaInformation"/>).</summary>
    public const double FarFromSpaTasks = 0.45;

    /// <summary>
    /// A request with no service named or meant is out of scope when its nearest out-of-scope example is at most this much
    /// less similar than its nearest spa task ("I want to book a pub now": 0.56 elsewhere, 0.54 spa; "can I book something
    /// for friday": 0.63 against 0.89).
    /// </summary>
    public const double ElsewhereAsNearWithin = 0.03;

    /// <summary>A message with a day read as off-topic by its words is a spa request when a spa task example is this near ("my wife wants to come in next week": 0.74)…</summary>
    public const double ClearlyASpaTask = 0.70;

    /// <summary>…and this much nearer than every out-of-scope example (0.74 against 0.50).</summary>
    public const double ClearlyAheadOfElsewhere = 0.20;

    /// <summary>
    /// A question the word classifier reads as off-topic is the spa's when its nearest spa task is at least this close
    /// (and <see cref="ClearlyAheadOfElsewhereForAQuestion"/> ahead of every request elsewhere). Round 18, on the
    /// hand-written spa questions and the CLINC val / oos train+val and SGD non-appointment train dev sets (1 of 3,423 moved).
    /// </summary>
    public const double AskedOfTheSpaAt = 0.60;

    /// <summary>How far ahead of the nearest request elsewhere the spa task must be for <see cref="AskedOfTheSpaAt"/>.</summary>
    public const double ClearlyAheadOfElsewhereForAQuestion = 0.25;

    /// <summary>The share of a question's nearest examples that are things asked elsewhere at which, far from every spa task, it is not the spa's.</summary>
    public const double PlainlyElsewhere = 0.7;

    /// <summary>Below this score a booking or search read from a message with nothing of a request in it is out of scope.</summary>
    public const double WeakRequest = 0.5;

    /// <summary>
    /// A question asked of the assistant about itself by meaning: its nearest example of one is at least this similar
    /// ("do you go by a name?": 0.59; "what's the name of the place": 0.54, not)…
    /// </summary>
    public const double AboutAssistantAt = 0.55;

    /// <summary>…and this much nearer than every spa task ("where are you located": 0.75 against 1.00, a spa question).</summary>
    public const double AboutAssistantAhead = 0.10;

    /// <summary>Below this similarity to every FAQ entry, fact and service a question far from the spa's tasks is out of scope.</summary>
    public const float FarFromSpaInformation = 0.38f;

    /// <summary>The place asked about when none of the business's places is in it (and their cities are known); otherwise null.</summary>
    private static string? Elsewhere(string place, SpaVocabulary vocabulary)
    {
        if (vocabulary.Locations.Count == 0 || vocabulary.Locations.Any(l => l.City is null))
        {
            return null;
        }
        static bool Within(string a, string b) => a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase);
        static string Initials(string city) => new([.. city.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToLowerInvariant(w[0]))]);
        return vocabulary.Locations.Any(l => Within(place, l.City!) || Within(place, l.Name)
            || l.City!.Contains(' ', StringComparison.Ordinal) && place.Equals(Initials(l.City), StringComparison.OrdinalIgnoreCase))
            ? null : place;
    }

    /// <summary>
    /// "next week" said about the day asked for: within a few words of it ("sometime next week, preferably tuesday",
    /// "tuesday next week"). "la otra semana es la boda de mi hermana … entonces … el viernes" is a week said about
    /// something else, in another clause far from the day, and does not move it.
    /// </summary>
    private static bool NextWeekNear(string lowered, TextSpan day)
    {
        const int MostWordsBetween = 6;
        foreach (Match week in NextWeek().Matches(lowered))
        {
            var between = week.Index + week.Length <= day.Start ? lowered[(week.Index + week.Length)..day.Start]
                : day.Start + day.Length <= week.Index ? lowered[(day.Start + day.Length)..week.Index] : "";
            if (between.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries).Length <= MostWordsBetween)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Understands one user turn.</summary>
    public Utterance Understand(string text, UnderstandingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // "el viernes 12": the weekday and date pair is read as written (the English gloss loses the Spanish bare date).
        var dayChoices = DayDatePair.Mismatch(text, context.Today);
        if (context.Language == Languages.ConversationLanguage.Spanish)
        {
            // Spanish is read into the English the parsers below read: the same facts, one dialogue logic.
            text = Spanish.SpanishGloss.ToEnglish(text, context.Vocabulary);
        }
        // Texting shorthand and slips the parsers and the classifier do not know: "weds aft", "cancle my apt".
        var normalized = Shorthand().Replace(TextNormalizer.Normalize(text), m => m.Value.ToLowerInvariant() switch
        {
            "aft" or "arvo" => "afternoon",
            "appt" or "apt" or "appnt" or "apmt" => "appointment",
            _ => "cancel",
        });
        // "around 3ish", "4-ish", "noonish": the hour, said loosely.
        normalized = LooseHour().Replace(normalized, "around ${t}");
        // A length said as a word on a call ("swedish sixty", "ninety please"): never a clock time, so read as its digits.
        normalized = SpokenLength().Replace(normalized, m => m.Value.Equals("sixty", StringComparison.OrdinalIgnoreCase) ? "60" : "90");
        var vocabulary = context.Vocabulary;
        var asked = context.LastAsked;

        var contact = ContactExtractor.Extract(normalized, expectingName: asked == AgentQuestion.Name);
        var spans = new List<TextSpan>(8);
        AddIf(spans, contact.PhoneSpan);
        AddIf(spans, contact.EmailSpan);
        var withoutContact = TextNormalizer.Mask(normalized, [.. spans]);

        var shift = ShiftCue().Match(TextNormalizer.LowerSameLength(withoutContact));
        int? shiftMinutes = shift.Success ? ShiftOf(shift) : null;
        if (shift.Success)
        {
            // "an hour later" is a move, not a time or a service ("later" is one letter from "laser").
            spans.Add(new TextSpan(shift.Index, shift.Length));
            withoutContact = TextNormalizer.Mask(withoutContact, [new TextSpan(shift.Index, shift.Length)]);
        }
        var lowered = TextNormalizer.LowerSameLength(normalized);
        // "me and my sister, two massages at the same time" is two people together, not a move to the same time.
        var together = TogetherCue().IsMatch(lowered) || ReplyCues.HeadCountIn(lowered).Success;
        var sameTime = SameTimeCue().IsMatch(lowered) && !together;
        // "a facial for my mom and me on the same day": two people's bookings on one day, not a move.
        var sameDay = SameDayCue().IsMatch(lowered) && !together;
        var dayNudge = DayNudgeCue().Match(lowered) is { Success: true } nudged
            ? nudged.Groups["way"].Value == "later" ? TimeNudge.Later : TimeNudge.Earlier
            : TimeNudge.None;
        // "any day but monday", "this week except wednesday" (round 34: Monday was searched, the day ruled out): the days ruled
        // out are left out of every search and are no day asked for.
        string? notWeekdays = null;
        if (NotOnDays().Match(TextNormalizer.LowerSameLength(withoutContact)) is { Success: true } ruledOut)
        {
            notWeekdays = string.Join(',', ruledOut.Groups["d"].Captures.SelectMany(c => WeekdaysNamed(c.Value)).Distinct());
            withoutContact = TextNormalizer.Mask(withoutContact, [new TextSpan(ruledOut.Index, ruledOut.Length)]);
        }
        var date = DateExpressionParser.Parse(withoutContact, context.Today, context.Closures);
        if (date is not null && OccasionDay().Match(TextNormalizer.LowerSameLength(withoutContact)) is { Success: true } occasion
            && DateExpressionParser.Parse(TextNormalizer.Mask(withoutContact, [new TextSpan(occasion.Index, occasion.Length)]), context.Today, context.Closures) is { } visitDay)
        {
            // "my skin needs to glow for a wedding saturday, can i get something friday?" (round 35: Saturday searched, the
            // wedding's day): the day of the occasion is not the visit's when another day is said for the visit.
            date = visitDay;
        }
        if (notWeekdays is not null && date is { Range.IsSingleDay: false } spanned)
        {
            // "consult next week, any day but monday" (round 17): a span starting or ending on a day ruled out starts after it.
            var (firstOpen, lastOpen) = (spanned.Range.Start, spanned.Range.End);
            while (firstOpen < lastOpen && notWeekdays.Contains(firstOpen.DayOfWeek.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                firstOpen = firstOpen.AddDays(1);
            }
            while (lastOpen > firstOpen && notWeekdays.Contains(lastOpen.DayOfWeek.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                lastOpen = lastOpen.AddDays(-1);
            }
            date = spanned with { Range = new DateRange(firstOpen, lastOpen) };
        }
        if (sameDay && date is not null && ThatDayAlone().Match(lowered) is { Success: true } thatDay && date.Span.Start + date.Span.Length <= thatDay.Index
            && !ChangeCue().IsMatch(lowered))
        {
            // "are you open sunday and do you have massage that day": "that day" is the day just said, not an appointment's.
            sameDay = false;
        }
        var second = SecondThought().Match(TextNormalizer.LowerSameLength(withoutContact));
        while (second.Success && date is not null)
        {
            // "wednesday.. no wait, tuesday": the day after the second thought is the one meant; after a third ("tuesday..
            // actually no wednesday.. wait friday is better"), the last. A second thought with no day after it ("tuesday,
            // no, wednesday, sorry, in the morning") changes nothing.
            if (date.Span.Start < second.Index
                && DateExpressionParser.Parse(withoutContact[(second.Index + second.Length)..], context.Today, context.Closures) is { } later)
            {
                date = later with { Span = new TextSpan(later.Span.Start + second.Index + second.Length, later.Span.Length) };
            }
            second = second.NextMatch();
        }
        if (date is not null && date.Span.End < withoutContact.Length
            && DateExpressionParser.Parse(withoutContact[date.Span.End..], context.Today, context.Closures) is { } then
            && TrailingSecondThought().IsMatch(TextNormalizer.LowerSameLength(withoutContact[(date.Span.End + then.Span.End)..])))
        {
            // "thursday.. friday i mean", "tues, weds sorry": the second thought after the day it corrects.
            date = then with { Span = new TextSpan(then.Span.Start + date.Span.End, then.Span.Length) };
        }
        if (date is not null && date.Span.End < withoutContact.Length
            && NotThisDay().IsMatch(TextNormalizer.LowerSameLength(withoutContact[..date.Span.Start]))
            && DateExpressionParser.Parse(withoutContact[date.Span.End..], context.Today, context.Closures) is { } meantDay)
        {
            // "perdon no el martes, el miercoles", "not tuesday, wednesday": the day said after "no"/"not" is the one not meant.
            date = meantDay with { Span = new TextSpan(meantDay.Span.Start + date.Span.End, meantDay.Span.Length) };
        }
        DateRange? moveFrom = null;
        if (date is not null && date.Span.End < withoutContact.Length
            && (CannotKeepBefore().IsMatch(TextNormalizer.LowerSameLength(withoutContact[..date.Span.Start]))
                || CannotKeepAfter().IsMatch(TextNormalizer.LowerSameLength(withoutContact[date.Span.End..])))
            && DateExpressionParser.Parse(withoutContact[date.Span.End..], context.Today, context.Closures) is { } askedInstead)
        {
            // "cant make it tmrw, friday?", "no puedo mañana, el viernes?" (glossed "i can't make it tomorrow"), "can't do the
            // 24th, how about the 27th?", "tomorrow doesn't work, wednesday?": the day that cannot be kept is the appointment's,
            // and the day said after it is the one asked for (round 29).
            moveFrom = date.Range;
            date = askedInstead with { Span = new TextSpan(askedInstead.Span.Start + date.Span.End, askedInstead.Span.Length) };
        }
        // "push my massage on wednesday to next week" (a move said with "to"), "the tuesday one to saturday" (an appointment by its day).
        var moveTo = date is null ? null
            : ChangeCue().IsMatch(lowered) && MoveTarget().Match(TextNormalizer.LowerSameLength(withoutContact), date.Span.End) is { Success: true } to ? to
            : TheDayOneTo().Match(TextNormalizer.LowerSameLength(withoutContact), date.Span.End) is { Success: true } oneTo ? oneTo
            : null;
        if (date is not null && moveTo is not null
            && DateExpressionParser.Parse(withoutContact[(moveTo.Index + moveTo.Length)..], context.Today, context.Closures) is { } target)
        {
            // "push my massage on wednesday to next week", "the tuesday one to saturday": the day after "to" is where it
            // goes; the day before it is the appointment's.
            moveFrom = date.Range;
            date = target with { Span = new TextSpan(target.Span.Start + moveTo.Index + moveTo.Length, target.Span.Length) };
        }
        else if (date is { Range.IsSingleDay: true } && moveTo is not null && ChangeCue().IsMatch(lowered)
            && !TargetBefore().IsMatch(TextNormalizer.LowerSameLength(withoutContact[..date.Span.Start]))
            && TimeExpressionParser.Parse(withoutContact[(moveTo.Index + moveTo.Length)..]) is not null)
        {
            // "push my massage tomorrow to the afternoon": the day names the appointment, the part of day after "to" is
            // where it goes, on the same day.
            moveFrom = date.Range;
            sameDay = true;
        }
        if (date is { Range.IsSingleDay: true } oneDay && context.DateInPlay is { } weekInPlay && !weekInPlay.IsSingleDay && !weekInPlay.Contains(oneDay.Range.Start)
            && WeekdayOnly().IsMatch(TextNormalizer.LowerSameLength(withoutContact.Substring(oneDay.Span.Start, oneDay.Span.Length)))
            && Enumerable.Range(0, weekInPlay.End.DayNumber - weekInPlay.Start.DayNumber + 1).Select(weekInPlay.Start.AddDays)
                .Where(d => d.DayOfWeek == oneDay.Range.Start.DayOfWeek).ToList() is [var inWeek])
        {
            // Looking at next week, "tuesday" is that week's Tuesday.
            date = oneDay with { Range = DateRange.Day(inWeek), ClosedDays = [.. context.Closures.Where(c => c == inWeek)] };
        }
        if (date is { Range.IsSingleDay: true } thisWeek && NextWeekNear(TextNormalizer.LowerSameLength(withoutContact), thisWeek.Span)
            && WeekdayOnly().IsMatch(TextNormalizer.LowerSameLength(withoutContact.Substring(thisWeek.Span.Start, thisWeek.Span.Length)))
            && thisWeek.Range.Start.DayNumber - context.Today.DayNumber < 7 - ((int)context.Today.DayOfWeek + 6) % 7)
        {
            // "sometime next week, preferably tuesday": next week's Tuesday, not this week's.
            date = thisWeek with { Range = DateRange.Day(thisWeek.Range.Start.AddDays(7)) };
        }
        var daysNamed = date is { Range.IsSingleDay: true } firstOfDays ? DaysNamedAfter(withoutContact, firstOfDays, context) : [];
        if (date is { Range.IsSingleDay: true } first && TwoWeekdays().Match(TextNormalizer.LowerSameLength(withoutContact)) is { Success: true } either
            && DateExpressionParser.Parse(either.Groups["b"].Value, context.Today, context.Closures) is { Range.IsSingleDay: true } otherDay
            && (NextWeek().IsMatch(TextNormalizer.LowerSameLength(withoutContact)) && otherDay.Range.Start.AddDays(7) > first.Range.Start ? otherDay.Range.Start.AddDays(7) : otherDay.Range.Start) is var secondDay
            && secondDay > first.Range.Start && secondDay.DayNumber - first.Range.Start.DayNumber < 7)
        {
            // "tuesday or wednesday evening": both days are searched.
            date = first with { Range = new DateRange(first.Range.Start, secondDay) };
        }
        // Offered a list of times, a bare number ("11 is fine", "let's do 2") is a time too.
        // Asked which service, "the ten" or "like 11" is a time said ahead, not a service (a length is 20 and more).
        var expectingTime = asked is AgentQuestion.Time or AgentQuestion.SlotChoice || asked == AgentQuestion.Service && BareHour().IsMatch(TextNormalizer.LowerSameLength(withoutContact));
        // "two swedish massages" is a head count, not 2 PM.
        var time = TimeExpressionParser.Parse(ReplyCues.HeadCountIn(withoutContact) is { Success: true } count
            ? TextNormalizer.Mask(withoutContact, [new TextSpan(count.Groups["n"].Index, count.Groups["n"].Length)]) : withoutContact, expectingTime);
        if (time is { Spans.Count: > 0 } && ReasonClause().Match(TextNormalizer.LowerSameLength(withoutContact)) is { Success: true } reason
            && time.Spans.Any(sp => sp.Start >= reason.Index && sp.Start < reason.Index + reason.Length)
            && TimeExpressionParser.Parse(TextNormalizer.Mask(withoutContact, [new TextSpan(reason.Index, reason.Length)]), expectingTime) is { } outside)
        {
            // "wednesday works best, ideally after 3 because i get off at 2:30": the time in the reason is why; the one asked
            // for is the one outside it.
            time = outside;
        }
        if (time is null && expectingTime && LastClause().Match(withoutContact) is { Success: true } clause
            && TimeExpressionParser.Parse(clause.Value, expectingTime: true) is { } inClause)
        {
            // "ok back, 11 works": the time is the last clause, after what acknowledges.
            time = inClause with { Spans = [.. inClause.Spans.Select(x => new TextSpan(x.Start + clause.Index, x.Length))] };
        }
        if (time is null && OpenAtNumber().Match(TextNormalizer.LowerSameLength(withoutContact)) is { Success: true } openAt
            && TimeExpressionParser.Parse(openAt.Groups["t"].Value, expectingTime: true) is { Kind: TimePreferenceKind.Exact } asked10)
        {
            // "is 10 still open wed?", "anything at 4 on friday": a bare number asked about as an opening is a time.
            time = asked10 with { Spans = [new TextSpan(openAt.Groups["t"].Index, openAt.Groups["t"].Length)] };
        }
        var secondTime = SecondThought().Match(TextNormalizer.LowerSameLength(withoutContact));
        while (secondTime.Success && time is { Spans.Count: > 0 } && time.Spans[0].Start < secondTime.Index
            && TimeExpressionParser.Parse(withoutContact[(secondTime.Index + secondTime.Length)..], expectingTime: time.Kind == TimePreferenceKind.Exact) is { Kind: TimePreferenceKind.Exact } laterTime)
        {
            // "signature facial Sat at 11... actually make it 1": the time after the second thought is the one meant; after an
            // exact time, a bare hour too ("wednesday at 2 / sorry i meant 3").
            var from = secondTime.Index + secondTime.Length;
            time = laterTime with { Spans = [.. laterTime.Spans.Select(x => new TextSpan(x.Start + from, x.Length))] };
            secondTime = secondTime.NextMatch();
        }
        // A time in a correction at the read-back of an offered time ("hmm actually 9 would be better", "10 actually", "ugh no 11
        // sorry") is one too.
        if (time is null && asked == AgentQuestion.Confirmation && context.OfferedSlots.Count > 0
            && (CorrectionCue().IsMatch(normalized) || BetterCue().IsMatch(normalized) || TimeOnSecondThought().IsMatch(lowered))
            && BareNumber().Match(TextNormalizer.LowerSameLength(withoutContact)) is { Success: true } bareAtReadBack
            && ChooseSlot(withoutContact, context.OfferedSlots, null, null, context.Vocabulary, out _) is { } offeredAt)
        {
            // "hmm actually 9 would be better" at the read-back of 10, with 9 on offer: that time.
            var span = bareAtReadBack.Groups["n"];
            time = new TimePreference(TimePreferenceKind.Exact, context.OfferedSlots[offeredAt].LocalStart, null, null, false, [new TextSpan(span.Index, span.Length)]);
        }
        if (date is not null && ChangeCue().IsMatch(lowered) && RelativeDay().Match(TextNormalizer.LowerSameLength(withoutContact), date.Span.End) is { Success: true }
            && Relative(withoutContact[date.Span.End..], date.Range, context.Closures) is { } fromNamed)
        {
            // "move my facial on the first to, like, the next day": the day after the one just named.
            date = fromNamed with { Span = new TextSpan(fromNamed.Span.Start + date.Span.End, fromNamed.Span.Length) };
        }
        var relative = date is null && context.DateInPlay is { } inPlay ? Relative(withoutContact, inPlay, context.Closures,
            thenIsTheDay: asked == AgentQuestion.Nothing && context.OfferedSlots.Count == 0) : null;
        date ??= relative;

        int? chosen = null;
        TextSpan? ordinalSpan = null;
        if (asked == AgentQuestion.SlotChoice && context.OfferedSlots.Count > 0)
        {
            // The person's name beside the pick ("10 please, this is Rae Kowalski") is not part of it.
            var forChoice = contact.NameSpan is { } nameSpan ? TextNormalizer.Mask(withoutContact, [nameSpan]) : withoutContact;
            chosen = ChooseSlot(forChoice, context.OfferedSlots, date, time, vocabulary, out ordinalSpan);
            if (chosen is null && context.RequestedTime is { } requested && YesNoClassifier.Classify(normalized) is { Answer: YesNo.Yes } plainYes
                && YesNoClassifier.OnlyMoreYes(plainYes.Remainder))
            {
                // "Wednesday at 2?" → "I have 1, 2 or 3" → "yes": the yes accepts the time they asked for, on the day they
                // asked for ("the 28th at 2" → "nearest: Friday at 1:45, 2, 2:15, or the waitlist?" → "yes" picks nothing).
                chosen = FindSingle(context.OfferedSlots, s => s.LocalStart == requested && context.DateInPlay?.Contains(s.Date) != false);
            }
            if (ordinalSpan is { } os && date is not null && date.Span.Overlaps(os))
            {
                date = null;
            }

            if (ordinalSpan is { } os2 && time is not null && time.Spans.Any(s => s.Overlaps(os2)))
            {
                time = null;
            }
        }

        AddIf(spans, date?.Span);
        if (time is not null)
        {
            spans.AddRange(time.Spans);
        }

        var withoutWhen = TextNormalizer.Mask(normalized, [.. spans]);
        // The person's own name ("I'm Priya Nair"), "later"/"earlier" ("come in a bit later") and "how long" never name a service.
        // "cancel my facial but keep the massage", "the massage, not the facial", "el masaje no": the one not meant is no service said.
        // Nor does a trade the business does not have: the "hair" of "a hair stylist" is not Laser Hair Removal's. Nor a
        // language: "how do you say thank you in swedish" is not Swedish Massage. Nor a spa word in another sense: the
        // "laser" of a laser printer, the "peel" of peeling a mango (OtherSenses).
        var notServices = LaterOrEarlier().Matches(TextNormalizer.LowerSameLength(withoutWhen)).Select(m => new TextSpan(m.Index, m.Length))
            .Concat(NotThisService().Matches(TextNormalizer.LowerSameLength(withoutWhen)).Select(m => new TextSpan(m.Groups["what"].Index, m.Groups["what"].Length)))
            .Concat(contact.NameSpan is { } own ? [own] : Array.Empty<TextSpan>())
            .Concat(NationNotAService().Matches(TextNormalizer.LowerSameLength(withoutWhen)).Select(m => new TextSpan(m.Groups["what"].Index, m.Groups["what"].Length)))
            .Concat(SomeoneElsesCondition().Matches(TextNormalizer.LowerSameLength(withoutWhen)).Select(m => new TextSpan(m.Groups["what"].Index, m.Groups["what"].Length)))
            .Concat(CareTreatments.NotOfferedSpans(withoutWhen, vocabulary))
            .Concat(Tools.Text.OtherSenses.Spans(TextNormalizer.LowerSameLength(withoutWhen)).Select(o => new TextSpan(o.Start, o.Length))).ToArray();
        // "move it to friday and make it the 90 min", "make it a pedicure instead": in a move, what follows "make it" is what the
        // appointment becomes, not the appointment being moved; it is read apart.
        ServiceChange? serviceChange = null;
        if (ChangeCue().IsMatch(lowered) && MakeItInstead().Match(TextNormalizer.LowerSameLength(withoutWhen)) is { Success: true } makeIt)
        {
            var what = makeIt.Groups["what"];
            var becomes = withoutWhen.Substring(what.Index, what.Length);
            var clauseCues = ReplyCues.Read(becomes);
            var length = clauseCues.Minutes.FirstOrDefault(m => m >= 20) is > 0 and var minutes ? minutes
                : clauseCues.Numbers.FirstOrDefault(n => n >= 20) is > 0 and var bare ? bare : (int?)null;
            var named = new ServiceMatcher(vocabulary).Match(becomes);
            if (named.Kind != ServiceMatchKind.None || length is not null)
            {
                serviceChange = new ServiceChange(named, length);
                notServices = [.. notServices, new TextSpan(what.Index, what.Length)];
            }
        }
        var serviceText = notServices.Length > 0 ? TextNormalizer.Mask(withoutWhen, notServices) : withoutWhen;
        var services = new ServiceMatcher(vocabulary).Match(serviceText);
        if (services.Kind is ServiceMatchKind.Confident or ServiceMatchKind.Several && ServiceOnSecondThought(serviceText, services, vocabulary) is { } meantService)
        {
            // "a 60 min swedish friday / sorry, 90 min", "de 60 el viernes / perdón, de 90", "a swedish saturday, no wait i meant
            // the deep tissue": the service or length after the second thought is the one meant.
            services = meantService;
        }
        if (ConsultationFor(services, lowered) is { } consultation)
        {
            // "the free botox consult", "consulta de botox": a consultation about a treatment is the consultation, not a
            // choice between the two.
            services = services with { Kind = ServiceMatchKind.Confident, Services = [consultation] };
        }
        spans.AddRange(services.Spans);
        if (ordinalSpan is { } order && services.Spans.Any(s => s.End <= order.Start && normalized[s.End..order.Start].Trim().Length == 0)
            && OrderWord().IsMatch(normalized.AsSpan(order.Start, order.Length)))
        {
            // "ok hydrafacial first then": the order of the services said, not the first time on offer.
            chosen = null;
        }
        var forStaff = TextNormalizer.Mask(withoutWhen, [.. services.Spans, .. contact.NameSpan is { } ns ? [ns] : Array.Empty<TextSpan>()]);
        var staff = new StaffMatcher(vocabulary).Match(forStaff);
        var name = contact.Name;
        if (staff.Kind is StaffMatchKind.Confident or StaffMatchKind.Candidates && PersonNameAround(normalized, forStaff, staff, vocabulary,
                contactContext: contact.Phone is not null || contact.Email is not null || asked is AgentQuestion.Name or AgentQuestion.Phone) is { } person)
        {
            // "Maya Patel, 415…", "sofia reyes here", "Tom Reyes": a first and last name that are not one provider's
            // full name is a person introducing themselves, not a request for the provider who shares one of them.
            staff = StaffMatch.None;
            name ??= person;
        }
        string? notStaff = null;
        if (staff.Kind == StaffMatchKind.Confident && NotThisOne().IsMatch(TextNormalizer.LowerSameLength(forStaff[..staff.Span.Start])))
        {
            // "not maya", "anyone but sofia", "instead of maya": the provider named is the one not wanted.
            notStaff = staff.Staff[0].Id;
            staff = StaffMatch.None;
        }
        if (staff.Kind is StaffMatchKind.Confident or StaffMatchKind.Candidates)
        {
            spans.Add(staff.Span);
        }

        // "my name is Marina Diaz": the person's own name is not the Marina location.
        var location = new LocationMatcher(vocabulary).Match(TextNormalizer.Mask(withoutWhen, [.. spans, .. contact.NameSpan is { } own2 ? [own2] : Array.Empty<TextSpan>()]));
        if (name is null && ContactExtractor.SignedName(normalized) is { } signed && !spans.Any(signed.Span.Overlaps)
            && !(location is { Location: not null } && location.Span.Overlaps(signed.Span)))
        {
            // "signature facial tmrw at 2pm, Iris Vale": a name written as one at the end of a request, naming no provider,
            // place or service, is the person signing it.
            name = signed.Value;
        }
        var yesNo = YesNoClassifier.Classify(normalized);
        if (yesNo.Answer == YesNo.Yes && IsTooShortToConfirm(text))
        {
            // A single character or an emoji ("y", "k", "👍") never confirms anything: too easy to send by accident.
            yesNo = YesNoResult.Unknown;
        }
        if (relative is not null && !ReplyCues.AlsoAsksIn(normalized))
        {
            // "ok, what about the day after?": the "ok" acknowledges and asks for another day; it accepts nothing. ("yes! and
            // can u also book my sister … same day" accepts, and asks for more.)
            yesNo = yesNo with { Answer = YesNo.Unknown };
        }

        var marks = new List<SlotMark>(8);
        foreach (var s in services.Spans)
        {
            marks.Add(new SlotMark(s, SlotKind.Service));
        }

        if (staff.Kind is StaffMatchKind.Confident or StaffMatchKind.Candidates)
        {
            marks.Add(new SlotMark(staff.Span, SlotKind.Person));
        }

        AddMark(marks, location?.Span, SlotKind.Place);
        AddMark(marks, date?.Span, SlotKind.Date);
        foreach (var s in time?.Spans ?? [])
        {
            AddMark(marks, s, SlotKind.Time);
        }

        AddMark(marks, contact.PhoneSpan, SlotKind.Phone);
        AddMark(marks, contact.EmailSpan, SlotKind.Email);
        AddMark(marks, contact.NameSpan, SlotKind.Name);
        var prepared = Placeholders.Apply(normalized, marks);
        // The message's meaning against the intent examples, read once however many rules below ask for it.
        IntentMeaning? meaningRead = null;
        IntentMeaning? Meaning() => meaningRead ??= _classifier.MeaningOfPrepared(prepared);
        var prediction = _classifier.ClassifyPrepared(prepared);
        // Whether the message names another business or thing and nothing of the spa's (the rules' elsewhere list): asked
        // at most once per message.
        bool? aboutElsewhere = null;
        bool NamesElsewhere() => aboutElsewhere ??= AboutElsewhere?.Invoke(normalized) == true;
        // What is added to one's visit as the treatment of the menu it names (round 36), or null: a length ("add 30 min") or an
        // extra the menu does not list ("a scalp massage") is none.
        ServiceMatch? AddedFromTheMenu(string added) => !LengthInName().IsMatch(added) && !string.IsNullOrWhiteSpace(added)
            && new ServiceMatcher(vocabulary).Match(added) is { Kind: ServiceMatchKind.Confident or ServiceMatchKind.Candidates } menu
            // Every word but an article is the service's name: "a scalp massage" is an extra, not a massage of the menu.
            && AddedWord().Matches(added).All(w => menu.Spans.Any(span => w.Index >= span.Start && w.Index < span.End)) ? menu : null;
        // A word of a service or a staff member found in this message: "running 10 min late for my facial" is a visit here,
        // not one somewhere else.
        bool IsOwnWord(string word) =>
            services.Spans.Any(span => SpanHasWord(lowered, span, word)) || (staff.Kind != StaffMatchKind.None && SpanHasWord(lowered, staff.Span, word));
        // The visit topics of this message with those words, read once for as long as they are the same (the rules below ask up to
        // seven times; a rule that overrules the services changes what IsOwnWord says, so they are read again then).
        (ServiceMatch Services, StaffMatch Staff, IReadOnlySet<string> Topics)? visitRead = null;
        IReadOnlySet<string> VisitTopics()
        {
            if (visitRead is not { } read || !ReferenceEquals(read.Services, services) || !ReferenceEquals(read.Staff, staff))
            {
                read = (services, staff, FrontDesk.Tools.Faq.VisitQuestion.Topics(normalized, IsOwnWord));
                visitRead = read;
            }
            return read.Topics;
        }

        var intent = prediction.Intent;
        var confidence = prediction.Confidence;
        var remainder = yesNo.Answer == YesNo.Unknown ? string.Empty : yesNo.Remainder;
        var carriesValues = remainder.Length > 0 && (date is not null || time is not null
            || services.Kind != ServiceMatchKind.None || staff.Kind is StaffMatchKind.Confident or StaffMatchKind.Candidates);
        var isCorrection = intent == Intent.Correction || CorrectionCue().IsMatch(normalized)
            || (yesNo.Answer != YesNo.Unknown && (carriesValues || CorrectionCue().IsMatch(remainder)));

        if (intent is Intent.Affirm or Intent.Deny && yesNo.Answer == YesNo.Unknown && asked == AgentQuestion.Nothing && chosen is null
            && QuestionShape().IsMatch(lowered) && Tokenizer.Tokenize(normalized).Count >= 5)
        {
            // "is it safe to fly to peru right now": a question with no yes or no in front, with nothing asked, answers nothing;
            // a word of it ("right") is not a yes. The rules below read it as the question it is.
            intent = Intent.Unknown;
            confidence = 0;
        }

        if (asked == AgentQuestion.Confirmation && yesNo.Answer != YesNo.Unknown
            && intent is not (Intent.Cancel or Intent.Human or Intent.Restart or Intent.Nevermind))
        {
            intent = yesNo.Answer == YesNo.Yes ? Intent.Affirm : carriesValues ? Intent.Correction : Intent.Deny;
            confidence = 1;
        }
        else if (intent == Intent.OutOfScope && ((services.Kind == ServiceMatchKind.Confident && (BookingCue().IsMatch(normalized)
                     || PleaseAfter().IsMatch(lowered[services.Spans[^1].End..]))) || (services.Kind != ServiceMatchKind.None && (date is not null || time is not null))))
        {
            // Or asked for with a please ("my back is totally fried from moving apartments, deep tissue pls").
            // "… book me a hydrafacial on wednesday …" wrapped in noise the classifier reads as off-topic: a named
            // service of this spa with a booking verb is a booking request (the read-back still guards the booking).
            intent = Intent.Book;
        }
        else if ((AnswersQuestion(asked, contact, date, time, services, staff, chosen)
                  && (WeakForAnswers.Contains(intent) || confidence < 0.6))
                 // "do you have half past three" at an offer: a time asked for, not a question for the FAQ.
                 || (intent == Intent.Faq && asked == AgentQuestion.SlotChoice && time is not null && services.Kind == ServiceMatchKind.None
                     && TimeAskedFor().IsMatch(lowered)))
        {
            intent = Intent.Inform;
            confidence = 1;
        }

        if (intent == Intent.OutOfScope && asked == AgentQuestion.Nothing && chosen is null && services.Kind is ServiceMatchKind.Confident or ServiceMatchKind.Candidates
            && ForSomeoneDear().IsMatch(lowered) && !NamesElsewhere() && !Tools.Text.OtherSenses.Spans(lowered).Any())
        {
            // "something relaxing for my wife", "a facial for my mom's birthday" (round 30: declined as off-topic): one of the
            // spa's services for someone close is a request (the read-back still guards the booking, and whose it is).
            intent = Intent.Book;
        }
        // Openings asked for on a day, and nothing elsewhere named: a visit here, whatever else the words are near in meaning.
        var openingsOnADay = (date is not null || time is not null) && OpeningsAsked().IsMatch(lowered) && !NamesElsewhere();
        if (intent == Intent.OutOfScope && asked == AgentQuestion.Nothing && (date is not null || time is not null)
            && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None
            && (CanComeWhen().IsMatch(lowered) && !NamesElsewhere() || openingsOnADay
                || Meaning() is { } spaMeant
                && spaMeant.NearestSpaTask >= ClearlyASpaTask && spaMeant.NearestSpaTask - spaMeant.NearestElsewhere >= ClearlyAheadOfElsewhere))
        {
            // Or said as when the person can come ("i work in a hospital so i can only come after 6"), or openings asked for
            // with the day ("got any last minute spots today? desperate lol", "is there room for two of us friday evening"):
            // the visit's time.
            // "my wife wants to come in next week": words the classifier places elsewhere, with a day, whose meaning is
            // plainly a visit to the spa and nothing else: a request (the policy then asks which service).
            var visit = Meaning();
            intent = visit is not null && visit.Scores.GetValueOrDefault(Intent.Availability) > visit.Scores.GetValueOrDefault(Intent.Book) ? Intent.Availability : Intent.Book;
            confidence = visit?.NearestSpaTask ?? 1;
        }
        if (intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Greeting && asked == AgentQuestion.Nothing && chosen is null
            && staff.Kind == StaffMatchKind.Confident && (date is not null || time is not null) && !NamesElsewhere())
        {
            // "hey! last time i saw maya and loved her, is she around next tues?": one of the spa's people on a day is a
            // question of their openings, whatever story comes with it.
            intent = Intent.Availability;
            confidence = 1;
        }
        if (intent == Intent.Human && asked == AgentQuestion.Nothing && NamesElsewhere())
        {
            // "let me talk to a real person at the bank", "i need to speak to someone at the irs": a person at another
            // business, not ours; the safety screen's request-for-a-person patterns do not count there either.
            intent = Intent.OutOfScope;
            confidence = 1;
        }
        if (intent == Intent.Human && !AsksForPerson().IsMatch(lowered) && (time is not null || date is not null || services.Kind != ServiceMatchKind.None || BareNumber().IsMatch(lowered)
                || ShortWithNumber().IsMatch(lowered)))
        {
            // "10 please", "the 60 please": a time, a day, a service or a short reply with a number, with no word for a person,
            // is not a request for one.
            intent = Intent.Inform;
        }
        if (intent is Intent.Human or Intent.Book or Intent.Availability or Intent.Smalltalk or Intent.OutOfScope or Intent.Unknown or Intent.Faq
            && contact.Name is { } called && contact.Phone is null && !AsksForPerson().IsMatch(lowered)
            && (intent == Intent.Human || (date is null && time is null && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None))
            && CallMeBy().Match(normalized) is { Success: true } callMe && called.StartsWith(callMe.Groups["w"].Value, StringComparison.OrdinalIgnoreCase))
        {
            // "please call me Frank from now on", "just call me al", "would you mind calling me Rob", "when you text me use
            // Bea": what to call the person, not a call asked for, a booking or small talk.
            intent = Intent.Inform;
            confidence = 1;
        }
        // "what happens if I have to bail last minute": a question about cancelling, not a cancellation.
        var ifThenAsked = IfThenAsked().IsMatch(lowered);
        var hypothetical = ifThenAsked || Hypothetical().IsMatch(lowered);
        if (ifThenAsked && intent is Intent.Cancel or Intent.Reschedule or Intent.MyAppointments && asked == AgentQuestion.Nothing && chosen is null
            && contact.Phone is null && contact.Email is null)
        {
            // "if im late do i lose my appointment", "how much is it if i cancel" (round 27: a look-up of the person's
            // appointments): a question about what would happen, for the FAQ (or the team when it has no answer).
            intent = Intent.Faq;
            confidence = 1;
        }
        // "where do I park when I come in for my facial on wed": the service is the occasion of the question, not a request.
        var serviceIsContext = services.Kind != ServiceMatchKind.None && services.Spans.Count > 0
            && WordBefore(lowered, services.Spans[0].Start) is "my" or "our";
        // The question without the visit it is about: "where can i park" of "where can i park when i come for my massage".
        var withoutOccasion = serviceIsContext ? WithoutOccasion(normalized, services.Spans[0].Start) : null;
        string? faqQuestion = null;
        // "can i get a swedish massage": asking for a service of ours is a request, however much it reads as a question.
        var asksToGetTheService = services.Kind != ServiceMatchKind.None && services.Spans.Count > 0 && AsksToGet().IsMatch(lowered[..services.Spans[0].Start]);
        if (intent == Intent.OutOfScope && services.Kind == ServiceMatchKind.Confident && asked == AgentQuestion.Nothing && chosen is null
            && GoalForTheBody().IsMatch(lowered) && !NamesElsewhere())
        {
            // "i need to get rid of the hair on my legs": a goal one of the spa's services plainly meets (found by its words or
            // its meaning), put as a need: a request for that service, not a task elsewhere.
            intent = Intent.Book;
            confidence = 1;
        }
        if (intent is Intent.OutOfScope or Intent.Nevermind or Intent.Smalltalk && asked == AgentQuestion.Nothing && chosen is null
            && services.Kind != ServiceMatchKind.None && services.Spans.Count > 0 && AnyOfTheService().IsMatch(lowered[..services.Spans[0].Start]))
        {
            // "ugh so stressed lol any massage tmrw?", "breaking out lol any facial for that": the service asked for after a
            // sigh, not a never mind nor small talk.
            intent = Intent.Book;
            confidence = 1;
        }
        if (intent == Intent.OutOfScope && services.Kind != ServiceMatchKind.None && services.Spans.Count > 0 && WantsTheService().IsMatch(lowered[..services.Spans[0].Start]))
        {
            // "I got a gift card and wanted to use it for a facial": whatever else the message is about, a service of ours is wanted.
            intent = Intent.Book;
            confidence = 1;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && date is null && time is null && contact.Phone is null
            && intent is Intent.Book or Intent.Availability or Intent.Faq or Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk
            && (services.Kind == ServiceMatchKind.None || services.Spans.Count == 0)
            && FrontDesk.Tools.Faq.ConcernQuestion.Concern(lowered) is { } concern
            && (intent is Intent.Book or Intent.Availability or Intent.Faq || MenuSpeaksOf?.Invoke(concern) == true))
        {
            // "something for wrinkles?", "what treatment is good for dark spots", "algo para las arrugas" (round 27: a booking
            // of services found by meaning, or a refusal): what the menu has for a concern, asked of the FAQ tool, which names
            // the services whose own words speak of it and leaves the choice to a provider. Read as off topic, only when the
            // menu speaks of the concern ("what helps with motion sickness on a boat" stays declined).
            (intent, confidence) = (Intent.Faq, 1);
            services = ServiceMatch.None;
            faqQuestion = $"what do you have for {concern}?";
        }
        if (asked == AgentQuestion.Nothing && chosen is null && faqQuestion is null && services.Kind == ServiceMatchKind.None && contact.Phone is null
            && DirectionsAsked().IsMatch(lowered) && !NamesElsewhere())
        {
            // "how do i get there" (round 27: the team): where the spa is, from its addresses, however the classifier read the
            // message (it is the whole message).
            (intent, confidence) = (Intent.Faq, 1);
            faqQuestion = "where are you located?";
        }
        else if (asked == AgentQuestion.Nothing && chosen is null && faqQuestion is null && services.Kind == ServiceMatchKind.None && contact.Phone is null
            && location?.Location is { } place && WayToAPlace().IsMatch(lowered) && !NamesElsewhere())
        {
            // "how do i get to the marina", "como llego a la marina" (round 28: the Marina's phone number was given): the way to
            // one of the spa's places is that place's address.
            (intent, confidence) = (Intent.Faq, 1);
            faqQuestion = $"what is the address of {place.Name}?";
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && time?.Exact is null && contact.Phone is null
            && intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.Waitlist) && EdgeOfOpenHours().IsMatch(lowered) && !NamesElsewhere())
        {
            // "what's the latest appointment on a thursday", "how late can i come in on sat" (round 26): the day's opening
            // hours, not a booking nor the arrival entry ("come in … early"); the day said stays the day asked about.
            (intent, confidence) = (Intent.Faq, 1);
            faqQuestion = HoursQuestion;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && !ChangeCue().IsMatch(lowered) && !BookingCue().IsMatch(lowered)
            && intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.Waitlist or Intent.MyAppointments)
            && (ArrivalAsked().IsMatch(lowered) || (OwnVisitFor().IsMatch(lowered) && FrontDesk.Tools.Faq.VisitQuestion.Topics(lowered).Contains("early"))))
        {
            // Round 27: also when to arrive asked in so many words, with no "for my …" ("when should i get there, it's at 2",
            // "what time do i need to arrive tmrw", "how early should i show up").
            // "when should we get there for our 2pm massage?", "what time should i show up for my 11am facial" (round 26: read
            // as a booking of the service at that time): when to arrive, asked of the arrival entry in its own words; the
            // visit, its service and its time are only what it is asked about.
            (intent, confidence) = (Intent.Faq, 1);
            services = ServiceMatch.None;
            date = null;
            time = null;
            faqQuestion = ArrivalQuestion;
        }
        if (intent is Intent.MyAppointments && asked == AgentQuestion.Nothing && chosen is null && !ChangeCue().IsMatch(lowered)
            && FrontDesk.Tools.Faq.VisitQuestion.Topics(lowered).Contains("early"))
        {
            // "what time should i arrive if my appointment is at 3", "a q hora debo llegar si mi cita es a las 3" (round 25):
            // when to arrive is the arrival entry's question; the appointment and its time are only what it is asked about.
            (intent, confidence) = (Intent.Faq, 1);
            date = null;
            time = null;
        }
        if (_answeredBySpa is not null && asked == AgentQuestion.Nothing && chosen is null && !asksToGetTheService
            && (MayBeASpaQuestion.Contains(intent) || (intent == Intent.Faq && serviceIsContext)
                || (hypothetical && intent is Intent.Cancel or Intent.Reschedule or Intent.MyAppointments)
                || (intent is Intent.MyAppointments or Intent.Reschedule && !OwnBooking().IsMatch(lowered) && !ChangeCue().IsMatch(lowered) && EverydayWords.SpaWordsIn(normalized).Count > 0))
            && contact.Phone is null && contact.Email is null && shiftMinutes is null && time?.Kind is not TimePreferenceKind.Exact
            && QuestionShape().IsMatch(lowered) && (!BookingCue().IsMatch(lowered) || NeedToBook().IsMatch(lowered))
            && !(OpeningsAsked().IsMatch(lowered) && (date is not null || time is not null))
            && !AsksForOpeningsForAServiceMeant(intent, date, services, staff, prepared, vocabulary)
            && !(services.Kind != ServiceMatchKind.None && !serviceIsContext && SearchCue().IsMatch(lowered))
            && !(serviceIsContext && ChangeCue().IsMatch(lowered) && !hypothetical)
            && (_answeredBySpa(normalized) || (withoutOccasion is not null && _answeredBySpa(withoutOccasion))))
        {
            // A question, no booking verb, and the spa's information answers it: the FAQ, not a search or a refusal. Not
            // openings asked for on a day ("do you have openings saturday afternoon", "tienen espacio el sabado": the
            // hours entry answers "open" but the person wants a time). Not a
            // move of one's own appointment put as a question ("can you push my massage … if he's free", "¿me lo puede
            // pasar al sábado?"): its day, time and provider are the move's.
            intent = Intent.Faq;
            confidence = 1;
            if (serviceIsContext)
            {
                services = ServiceMatch.None;
                date = null;
                time = null;
                faqQuestion = withoutOccasion;
            }
        }
        else if (intent == Intent.Faq && withoutOccasion is not null && asked == AgentQuestion.Nothing && chosen is null
            && !FrontDesk.Tools.Faq.VisitQuestion.Topics(lowered, IsOwnWord).Contains("beforeafter"))
        {
            // Asked about the visit, not the service ("can I grab a shower after my hydrafacial"): the FAQ is asked without it.
            // Not what to do before or after it ("should i shower before my facial", round 30): without the visit that is
            // another question (the showers the spa has).
            faqQuestion = withoutOccasion;
            if (VisitTopics().Count > 0 && FrontDesk.Tools.Faq.VisitQuestion.Topics(withoutOccasion).Count == 0)
            {
                // "can you turn the music off during my massage" (round 32: declined): the occasion is what makes it about the
                // visit (the room during the treatment); without it the question is about nothing of the spa's.
                faqQuestion = null;
            }
        }
        // "whats your latest appointment on fridays" (round 33: the person's number asked, to look at their appointments): days of
        // a kind are a day said, but the question is still the hours'.
        var edgeOfTheDay = EdgeOfTheDay().IsMatch(lowered);
        var plainRequest = intent is Intent.Book or Intent.Availability or Intent.MyAppointments && services.Kind == ServiceMatchKind.None
            && (date is null || edgeOfTheDay) && staff.Kind is StaffMatchKind.None or StaffMatchKind.Any;
        if (asked == AgentQuestion.Nothing && chosen is null && (intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk || plainRequest)
            && time?.Exact is null && !NamesElsewhere())
        {
            if (GroupParty().IsMatch(lowered) || (GroupOfPeople().IsMatch(lowered) && (services.Kind != ServiceMatchKind.None || SpaWord().IsMatch(lowered))))
            {
                // "can i book for 3 people at once, bachelorette party": a group is arranged by the team.
                (intent, confidence) = (Intent.Human, 1);
            }
            else if (VisitTopics().Overlaps(SpasOwnTopics))
            {
                // Its rooms and amenities ("is there a hair dryer in the locker room"), a comfort worry ("i'm claustrophobic"),
                // who works there ("does anyone there speak vietnamese"), how far ahead to book: the spa's own matters, for the
                // FAQ and the team when it has no answer, whatever the classifier makes of their words.
                (intent, confidence) = (Intent.Faq, 1);
            }
            else if (intent is not Intent.MyAppointments || !OwnAppointmentWord().IsMatch(lowered))
            {
                if (edgeOfTheDay)
                {
                    // "whats ur latest appt on weekdays": the opening hours, not the person's appointments.
                    (intent, confidence) = (Intent.Faq, 1);
                    faqQuestion = HoursQuestion;
                }
            }
        }
        if ((intent is Intent.OutOfScope or Intent.Unknown or Intent.Nevermind or Intent.Smalltalk
                || intent is Intent.Book or Intent.Availability && services.Kind == ServiceMatchKind.None)
            && asked == AgentQuestion.Nothing && chosen is null && NoLongerNeeded().IsMatch(lowered))
        {
            // "no longer need the appointment, pls remove it", "ya no quiero la cita del sabado" (glossed): a cancellation said
            // without the word.
            (intent, confidence) = (Intent.Cancel, 1);
        }
        if ((intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk
                || intent == Intent.Faq && services.Kind == ServiceMatchKind.Candidates && WhichOneHelps().Match(lowered) is { Success: true } recommending
                    && (recommending.Value.Contains("recommend", StringComparison.Ordinal) || recommending.Value.Contains("suggest", StringComparison.Ordinal)))
            && asked == AgentQuestion.Nothing && chosen is null
            && services.Kind != ServiceMatchKind.None && WhichOneHelps().IsMatch(lowered) && !NamesElsewhere())
        {
            // "my skin is so dry and flaky lately, which facial helps": the services named are offered to choose from. Read as
            // the FAQ's, "what facial would u recommend" of a kind is the same (round 30: it got the brands entry).
            (intent, confidence) = (Intent.Book, 1);
        }
        if (intent == Intent.OutOfScope && services.Kind != ServiceMatchKind.None && QuestionShape().IsMatch(lowered))
        {
            // A question that names the spa's own services ("is the massage table heated?") is about the spa, however
            // far its other words are from the examples: the FAQ, and the team when the FAQ has no answer.
            intent = Intent.Faq;
        }
        // "i want an appointment", "can i make an appt": a request that names no service (the service question), not one
        // to read by meaning nor one for somewhere else.
        var onlyAnAppointment = OnlyAnAppointment(prepared) && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None;
        if (onlyAnAppointment && asked is AgentQuestion.Nothing or AgentQuestion.Service && chosen is null
            && (intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Faq
                || (intent is Intent.Affirm or Intent.Deny or Intent.Thanks && asked == AgentQuestion.Nothing && BookingCue().IsMatch(lowered))))
        {
            // "Sure, book me an appointment there", "ok thanks, can you book that appointment now?": the request is the news.
            intent = Intent.Book;
        }
        else if (intent is Intent.Affirm or Intent.Deny or Intent.Thanks && asked == AgentQuestion.Nothing && chosen is null
                 && RequestAfterManners().IsMatch(lowered) && !NotARequest().IsMatch(lowered))
        {
            // "okay, thanks. can you book that facial now?", "Great, go ahead and book a signature facial", "ok. book that
            // then" after a price: with nothing asked, the thanks or the ok in front is manners and the request is the news
            // (the service just talked about is kept by the tracker; "no thanks, i don't want to book a facial" stays a no).
            intent = Intent.Book;
        }
        else if (intent == Intent.Thanks && asked == AgentQuestion.Nothing && chosen is null && services.Kind != ServiceMatchKind.None
                 && (date is not null || time is not null || (text.Contains("\U0001F64F", StringComparison.Ordinal) && !ThanksInWords().IsMatch(text))))
        {
            // "massage sat?? 🙏" (the 🙏 read as thanks): a service and a day are a request, the thanks is manners; "hydrafacial
            // 🙏" alone too (the emoji is please as often as thanks; "hydrafacial, thanks" in words stays a thanks).
            intent = Intent.Book;
        }
        if (intent == Intent.Book && asked == AgentQuestion.Nothing && chosen is null && SearchCue().IsMatch(lowered)
            && !BookingCue().IsMatch(lowered) && !AppointmentWord().IsMatch(lowered))
        {
            // "can you help me find a massage therapist", "i'm looking for a facial place": a search asked of us, the openings
            // (the policy goes on as for a booking: which service, which day).
            intent = Intent.Availability;
        }
        if (intent is Intent.Book or Intent.Availability && asked is AgentQuestion.Nothing or AgentQuestion.Service && chosen is null
            && NoBookingWanted().Match(lowered) is { Success: true } notWanted && !AsksForMore().IsMatch(lowered[(notWanted.Index + notWanted.Length)..]))
        {
            // "i don't want to book anything", "no thanks, i don't want to book a facial": the booking words said, and not
            // wanted; nothing to ask about a service ("… a facial, can i get a massage instead" is still a request).
            intent = Intent.Nevermind;
            confidence = 1;
        }
        if (intent != Intent.Nevermind && NeverMindShort().IsMatch(lowered))
        {
            // "nvm", "oh nvm im good": texting shorthand for never mind, which the classifier never saw.
            intent = Intent.Nevermind;
            confidence = 1;
        }
        if (intent is Intent.Book or Intent.Availability or Intent.OutOfScope or Intent.Thanks && asked == AgentQuestion.Nothing && chosen is null
            && AlreadyBooked().IsMatch(lowered) && !AsksForMore().IsMatch(lowered))
        {
            // "i already have a massage booked for tuesday", "my sister already booked me a facial for friday": a booking the
            // person has, told; not a request for another one (the policy looks up what they have).
            intent = Intent.MyAppointments;
        }
        // A treatment wanted after one's own appointment (round 36), set below into the cues.
        var afterOwnVisit = false;
        // Something added to one's own visit: the match read once, and what is added matched against the menu once (null when
        // it is not a treatment of the menu).
        var addOn = asked == AgentQuestion.Nothing && chosen is null && intent is not (Intent.Cancel or Intent.Human) ? AddOnToOwn().Match(lowered) : null;
        var addedToOwn = addOn is { Success: true } && IsTreatmentOrVisitWord(addOn.Groups["own"].Value, vocabulary);
        var addedFromMenu = addedToOwn ? AddedFromTheMenu(addOn!.Groups["add"].Value) : null;
        if (addedToOwn && addedFromMenu is null)
        {
            // "can u add a scalp massage onto my facial tmrw?": an add-on to a booked treatment, a question for the FAQ (and
            // the team when it has no answer), not a booking of another service nor the menu.
            (intent, confidence) = (Intent.Faq, 1);
            services = ServiceMatch.None;
            date = null;
            time = null;
            faqQuestion = AddOnQuestion;
        }
        else if (addedFromMenu is not null && time?.Exact is null)
        {
            // Round 36: "can i add dermaplaning to my facial tomorrow" went to the team as an add-on question: a treatment of
            // the menu added to one's visit is a visit of its own, booked on the day said (the one added, not the one had).
            (intent, confidence) = (Intent.Book, 1);
            services = addedFromMenu;
            faqQuestion = null;
            afterOwnVisit = true;
        }
        else if (asked == AgentQuestion.Nothing && chosen is null && intent is not (Intent.Cancel or Intent.Human or Intent.Reschedule) && time?.Exact is null
            && services.Kind != ServiceMatchKind.None && AfterMine().Match(lowered) is { Success: true } afterMine
            && IsTreatmentOrVisitWord(afterMine.Groups["own"].Value, vocabulary))
        {
            // Round 36: "i have a massage friday, can i do a facial right after?", "tengo masaje el viernes, me puedo hacer un
            // facial justo después" (glossed): the massages were offered, or a facial at 9 before the massage. The treatment
            // wanted is the other one, searched from the end of one's own appointment on its day.
            var had = new ServiceMatcher(vocabulary).Match(afterMine.Groups["own"].Value);
            var wanted = services.Services.Where(x => !had.Services.Any(o => o.Id == x.Id)).ToList();
            if (wanted.Count > 0)
            {
                var kind = wanted.Count == 1 ? ServiceMatchKind.Confident : wanted.Select(x => x.Category).Distinct(StringComparer.Ordinal).Count() == 1 ? ServiceMatchKind.Candidates : ServiceMatchKind.Several;
                services = services with { Kind = kind, Services = wanted };
                (intent, confidence) = (Intent.Book, 1);
                afterOwnVisit = true;
            }
        }
        // Read as the spa's own by its words below (its address, the business itself): never turned away by meaning after.
        var plainlyTheSpas = false;
        // "is everything organic", "is it ok if im a guy" (round 28): a question about the business asked of the spa, though it
        // does not say "you"; the FAQ tool is told so, or it would take the question for general knowledge.
        // Round 29: only the question itself is asked ("my husband has never had a massage, is it ok for guys" had found the
        // couples entry by the rest of the message).
        string? AskedOfTheSpa() => AboutTheBusiness().Match(lowered) is { Success: true } about && !AskedOfYou().IsMatch(lowered)
            ? $"{(Tokenizer.Tokenize(normalized).Count > 8 ? about.Value.Trim() : normalized)} (at your spa)" : null;
        // "hi i have an appt at 2 but im stuck in traffic" (round 30): the appointment said is the one the person is late for,
        // news for the team as any late arrival, not a look-up of their appointments.
        if ((intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Greeting
                || intent is Intent.MyAppointments && RunningLate().IsMatch(lowered) && !UpcomingAsked().IsMatch(lowered))
            && asked == AgentQuestion.Nothing && chosen is null && !SendMeInformation().IsMatch(lowered))
        {
            // What the classifier reads as off-topic but is plainly the spa's business (round 14): the person's own upcoming
            // appointments ("remind me what ive got coming up"); a late arrival ("llego como 10 min tarde", "running 15
            // behind"), news for the team; the spa's address ("wait whats the address again"), from its information ("text me
            // the address" is asked as sending it, below).
            // A thing left behind at a visit ("i left my sunglasses there yesterday") is for the team to look for; a question
            // about the business itself ("who owns the spa") for its information, or the team.
            var plainly = UpcomingAsked().IsMatch(lowered) ? Intent.MyAppointments
                : RunningLate().IsMatch(lowered) || Arrived(lowered) || AddressAsked().IsMatch(lowered) || AboutTheBusiness().IsMatch(lowered) ? Intent.Faq
                : LeftSomethingHere().IsMatch(lowered) ? Intent.Human
                : intent;
            if (plainly != intent)
            {
                // Not to be overruled by meaning below: these are the spa's own, whatever the words around them.
                (intent, confidence) = (plainly, 1);
                // Only a question about the spa itself: a late arrival "to my meeting" still goes the elsewhere way below.
                plainlyTheSpas = AddressAsked().IsMatch(lowered) || AboutTheBusiness().IsMatch(lowered);
                if (plainly == Intent.Faq)
                {
                    faqQuestion ??= AskedOfTheSpa();
                }
            }
        }
        else if (intent == Intent.Faq && asked == AgentQuestion.Nothing && chosen is null && !SendMeInformation().IsMatch(lowered)
            && (AddressAsked().IsMatch(lowered) || AboutTheBusiness().IsMatch(lowered)))
        {
            // Read as a question already, and plainly about the spa itself ("how long have you guys been in business", "do you
            // use fragrance free stuff", round 28: turned away by meaning below): the same as above.
            (confidence, plainlyTheSpas) = (1, true);
            faqQuestion ??= AskedOfTheSpa();
        }
        else if (intent is Intent.Faq or Intent.Availability && asked == AgentQuestion.Nothing && chosen is null && OwnVisitWhen().IsMatch(lowered))
        {
            // "whens my facial?", "when is my massage again" (round 29): the person's own appointment asked, not the service's
            // hours; looked up only for a number proven to be theirs.
            (intent, confidence) = (Intent.MyAppointments, 1);
        }
        else if (intent == Intent.Correction && asked == AgentQuestion.Nothing && chosen is null && UpcomingAsked().IsMatch(lowered))
        {
            // "i booked online last night … did it actually go through": nothing is pending to correct; the person's own
            // appointments are asked.
            (intent, confidence) = (Intent.MyAppointments, 1);
        }
        if (AnsweredByFaqWords is { } coveredByFaq && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk
            && asked is AgentQuestion.Nothing or AgentQuestion.SlotChoice && chosen is null
            && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None && date is null && time is null
            && contact.Phone is null && contact.Email is null && contact.Name is null
            && QuestionShape().IsMatch(lowered) && !NamesElsewhere() && coveredByFaq(normalized))
        {
            // "do u have packages or like a monthly thing", "do u guys expect tips?" (also at an offer of times): a question the
            // spa's own FAQ entries cover word for word is the spa's, whatever the classifier makes of its chat words.
            (intent, confidence) = (Intent.Faq, 1);
        }
        if (NamesFaqTopic is { } namesTopic && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Affirm
            && asked == AgentQuestion.Nothing && chosen is null
            && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None && date is null && time is null
            && contact.Phone is null && contact.Email is null && contact.Name is null && !NamesElsewhere() && namesTopic(normalized))
        {
            // "memberships", "info about membership", "wifi password", "propinas?" (round 26): a topic of the spa's FAQ named
            // alone, as people type into a chat box, is asking about it; the classifier reads a bare noun phrase as off-topic
            // (and "gift card info please" as a yes, with nothing asked). Round 29: "fsa?" was turned away after, by meaning
            // (the model does not know the letters): the spa's own words decide, unless they name a treatment the spa does not
            // offer ("i need a haircut": the hair of Laser Hair Removal's entry), which is said not offered below.
            (intent, confidence) = (Intent.Faq, 1);
            plainlyTheSpas = !CareTreatments.NamesOneNotOffered(normalized, vocabulary);
        }
        if (intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk && asked == AgentQuestion.Nothing && chosen is null
            && services.Kind == ServiceMatchKind.None && QuestionShape().IsMatch(lowered) && !NamesElsewhere() && CardHeld().IsMatch(lowered))
        {
            // "do i have to put a card down", "do you need my card to book" (round 28: declined): a card held for a booking is
            // the spa's deposit question, for its information or the team.
            (intent, confidence) = (Intent.Faq, 1);
            plainlyTheSpas = true;
        }
        var ageAskedOfATreatment = false;
        if (asked == AgentQuestion.Nothing && chosen is null && date is null && time is null && contact.Phone is null
            && intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Human)
            && (QuestionShape().IsMatch(lowered) || AsksWhetherTheyMay().IsMatch(lowered)) && MinorAsked().IsMatch(lowered) && !NamesElsewhere()
            // A visit of theirs, not anything about teenagers ("how much sleep does a teenager need" stays declined).
            && (services.Kind != ServiceMatchKind.None || SpaWord().IsMatch(lowered) || AMinorsVisit().IsMatch(lowered)))
        {
            // "my daughter is 15 can she get a facial", "can my 16 year old get a massage" (round 29: declined): a minor's
            // treatment asked about is the spa's age rule (a parent present, consent), from its information or the team.
            (intent, confidence) = (Intent.Faq, 1);
            services = ServiceMatch.None;
            faqQuestion = "is there an age requirement?";
            plainlyTheSpas = true;
            ageAskedOfATreatment = true;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && date is null && time is null
            && intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Human)
            && PaymentMeansAsked().Match(lowered) is { Success: true } means)
        {
            // "do you take fsa", "do u accept venmo" (round 29: declined by meaning, the model not knowing the letters): whether
            // a means of payment is taken, asked of the spa's payment entry as the FAQ tool reads it.
            (intent, confidence, plainlyTheSpas) = (Intent.Faq, 1, true);
            faqQuestion = $"can I pay with {means.Groups["means"].Value}?";
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && date is null && time is null
            && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk && !NamesElsewhere())
        {
            if (GiftCardWanted().IsMatch(lowered))
            {
                // "my wife wants a gift card for our anniversary" (round 29: declined): the spa's gift cards, whoever they are
                // for and whatever the occasion.
                (intent, confidence, faqQuestion, plainlyTheSpas) = (Intent.Faq, 1, "do you sell gift cards?", true);
            }
            else if (ForTwoOfUs().IsMatch(lowered))
            {
                // "what's good for a couples anniversary", "quiero algo romántico para mi pareja" (round 29: declined): what the
                // spa does for two people together, from its information (a couples entry) or the team.
                (intent, confidence, faqQuestion, plainlyTheSpas) = (Intent.Faq, 1, "can we book a couples massage?", true);
            }
            else if (BookingForFamily().IsMatch(lowered))
            {
                // "i'm booking for my grandma she's 85", "quiero reservar para mi abuela" (round 29: declined): a booking for
                // someone else, whose service is asked next.
                (intent, confidence) = (Intent.Book, 1);
            }
        }
        if (intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk && asked == AgentQuestion.Nothing && chosen is null
            && staff.Kind != StaffMatchKind.None && QuestionShape().IsMatch(lowered)
            && (Tools.Faq.ProviderQuestion.AsksExperience(lowered) || Tools.Faq.ProviderQuestion.AsksWho(lowered)))
        {
            // "how many years of experience does maya have": a question about one of the spa's providers is the spa's, for
            // its information or the team (round 23).
            (intent, confidence) = (Intent.Faq, 1);
        }
        // "do you have any openings for a tutor", "is there availability at the hilton on friday": booking words for a trade
        // or a place of another business (escalation.yaml's elsewhere:) and nothing of the spa's: declined, not asked
        // "which service?" nor read as the nearest service by meaning.
        var asksElsewhere = asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None
            && staff.Kind == StaffMatchKind.None && location is null
            && (intent is Intent.Book or Intent.Availability or Intent.Waitlist or Intent.Unknown
                || (intent is Intent.Cancel && date is null && time is null && CancelOfAThing().IsMatch(lowered)))
            && NamesElsewhere();
        if (asksElsewhere)
        {
            intent = Intent.OutOfScope;
            confidence = 1;
        }
        // "what is the best sunscreen", "what moisturizer should i buy": a question about a product, for the FAQ (or the
        // team), never the nearest service by meaning (two laser services).
        var asksAboutAProduct = services.Kind == ServiceMatchKind.None && chosen is null && ProductQuestion().IsMatch(lowered);
        if (asksAboutAProduct && intent is Intent.Book or Intent.Availability or Intent.Unknown or Intent.OutOfScope or Intent.Smalltalk)
        {
            intent = Intent.Faq;
            confidence = 1;
        }
        // A treatment in the trade's words that is not on the menu ("i need a haircut") is not the nearest service by
        // meaning (Laser Hair Removal): the policy says it is not something the spa offers.
        var namesAnotherTreatment = services.Kind == ServiceMatchKind.None && CareTreatments.NamesOneNotOffered(normalized, vocabulary);
        var cues = ReplyCues.Read(normalized);
        cues = afterOwnVisit ? cues with { AfterOwnVisit = true } : cues;
        if (ageAskedOfATreatment)
        {
            // "can i get a massage if im 16" (round 33): the treatment is the spa's, asked with an age, not one off the menu.
            cues = cues with { AsksIfOffered = false, NamesATreatment = false };
        }
        if (cues.PastVisit && asked == AgentQuestion.Nothing && chosen is null
            && (intent is Intent.Book or Intent.Availability
                || (intent is Intent.Faq or Intent.Unknown or Intent.OutOfScope && !QuestionShape().IsMatch(lowered))))
        {
            // "hi i got lip filler with you guys on saturday", "ayer me hice un facial": a past visit told, with no word of a
            // request nor a day to come, is no booking nor a question (round 24): no search, no times, nothing for the FAQ or
            // the team; asked how it can help with it. The health screen has run before this.
            (intent, confidence) = (Intent.Smalltalk, 1);
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Spans.Count == 0 && date is null && time is null
            && intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Human) && HappyNewsOnly().IsMatch(lowered))
        {
            // "i just had a baby 3 weeks ago" (round 29: the prenatal massage and the injectables consultation were offered):
            // news told with nothing asked is congratulated and asked how to help; no service is read into it by meaning.
            (intent, confidence) = (Intent.Smalltalk, 1);
            services = ServiceMatch.None;
            cues = cues with { HappyNews = true };
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Spans.Count == 0 && date is null && time is null
            && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Faq && MenuAskedPlainly().IsMatch(lowered))
        {
            // "soy nueva, ¿qué me recomiendan?", "what do you guys do" (round 30: declined as off-topic, or passed to the team):
            // with nothing named, what the spa does is the answer, and the kind the person wants is asked.
            (intent, confidence) = (Intent.Faq, 1);
            cues = cues with { AsksWhatWeOffer = true };
        }
        // Round 30: "how r u" and "cómo estás" were declined as off-topic, "lol", "nice" and "wow" were told "I'm doing well, thank
        // you for asking" or declined. How the assistant is, asked (the whole message, "today" in it no day to book), is answered
        // so; a laugh or a reaction alone, plainly.
        if (asked == AgentQuestion.Nothing && chosen is null && services.Spans.Count == 0
            && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Greeting or Intent.Affirm or Intent.Goodbye
            && WellBeingAsked().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.Smalltalk, 1);
            cues = cues with { WellBeingAsked = true };
        }
        else if (asked == AgentQuestion.Nothing && chosen is null && services.Spans.Count == 0 && date is null && time is null
            && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Greeting && ReactionOnly().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.Smalltalk, 1);
        }
        // Round 35: "is anyone there", "hello is anybody there?", "hay alguien ahí" (glossed) went to the team as a question the
        // FAQ could not answer. Whether someone is there, asked before anything else, is answered as a greeting: the assistant
        // says it is there and what it is.
        if (asked == AgentQuestion.Nothing && chosen is null && services.Spans.Count == 0 && date is null && time is null
            && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Faq or Intent.Availability or Intent.Greeting
            && PresenceAsked().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.Greeting, 1);
        }
        // Round 35: "my friend referred me, do i get anything" was declined though the spa answers referrals; "can i make my 60
        // min a 90" was declined though it is a change to one's own appointment.
        if (asked == AgentQuestion.Nothing && chosen is null
            && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Availability or Intent.MyAppointments
            && ReferredHere().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.Faq, 1);
        }
        else if (asked == AgentQuestion.Nothing && chosen is null && intent is Intent.OutOfScope or Intent.Unknown or Intent.Faq or Intent.Book or Intent.Smalltalk
            && OwnVisitLonger().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.Reschedule, 1);
        }
        // Round 35: a day and the time of one's day with no service ("can i come in on my lunch break tomorrow", "after i drop the
        // kids off, like 9 on wednesday", "whoever is free friday afternoon"; in Spanish through the gloss, where the meaning's
        // signals, read on the Spanish words, called it off topic or one's own appointment): a visit asked for, so which service
        // is asked and the day kept. Not when one's own booking is named ("can i come in on my lunch break instead of my appointment").
        var daysTime = OwnDaysTime().Match(lowered);
        // The errand named is the person's own day ("after i drop the kids off at school"), not a task elsewhere asked of us.
        var ownErrand = daysTime.Success && !daysTime.Value.StartsWith("can", StringComparison.Ordinal);
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && date is not null
            && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Reschedule or Intent.MyAppointments
            && daysTime.Success && !OwnBooking().IsMatch(lowered) && !ChangeCue().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.Availability, 1);
        }
        // Round 35: "how much is a facial and do you have anything saturday" asked the FAQ twice and passed "do you have anything
        // saturday" to the team: a price and openings on a day, asked together, are a booking's start, the prices said first.
        if (asked == AgentQuestion.Nothing && chosen is null && date is not null && cues.AsksPrice && services.Kind != ServiceMatchKind.None
            && intent is Intent.Faq or Intent.Availability or Intent.Book or Intent.OutOfScope or Intent.Unknown
            && QuestionParts.Split(normalized).Count > 1 && (OpeningsAsked().IsMatch(lowered) || AnythingOnADay().IsMatch(lowered)))
        {
            (intent, confidence) = (Intent.Availability, 1);
            cues = cues with { PricesWithOpenings = true };
            faqQuestion = null;
        }
        // Round 35: "mi hija de 15 años puede hacerse un facial" (glossed "my daughter 15 year old can you get a facial") was
        // declined; an age said with a question whether one may is the age rule's question, as in English.
        if (asked == AgentQuestion.Nothing && chosen is null && date is null && time is null && intent is Intent.OutOfScope or Intent.Unknown
            && AgeSaidAsking().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.Faq, 1);
        }
        // Round 36 (the lead): two lengths of one treatment compared ("is the 90 min worth it over the 60", "vale la pena el de
        // 90 o con el de 60 basta", glossed) were declined, or answered with another service that lasts 60 minutes: both
        // lengths are described, each with its time and price, and the person chooses.
        if (asked == AgentQuestion.Nothing && chosen is null && date is null && time?.Exact is null
            && intent is Intent.OutOfScope or Intent.Unknown or Intent.Faq or Intent.Book or Intent.Availability or Intent.Smalltalk
            && LengthsCompared().Match(lowered) is { Success: true } compared
            && LengthsOfOne(vocabulary, services, int.Parse(compared.Groups["a"].Value, CultureInfo.InvariantCulture),
                int.Parse(compared.Groups["b"].Value, CultureInfo.InvariantCulture)) is { } lengths)
        {
            (intent, confidence) = (Intent.Faq, 1);
            services = lengths;
            faqQuestion = null;
        }
        // Round 36: "qué es mejor para nudos, sueco o tejido profundo?" (glossed "which is better for knots, …") listed the
        // massages to choose from while its English twin described each: two or three services weighed against each other
        // are described, in both languages.
        if (asked == AgentQuestion.Nothing && chosen is null && date is null && time is null && intent is Intent.Book or Intent.Availability or Intent.OutOfScope or Intent.Unknown
            && services is { Kind: ServiceMatchKind.Several, Services.Count: 2 or 3 } && ServicesWeighed().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.Faq, 1);
            faqQuestion = null;
        }
        // Round 36: "la dra kim está el viernes?" (glossed "the dra kim is friday?") asked which service to book with her while
        // the English "is dr kim in on friday" is told her hours that day: a provider and a day, and nothing else, ask whether
        // she works then.
        if (staff.Person is not null && date is { Range.IsSingleDay: true } && services.Kind == ServiceMatchKind.None && asked == AgentQuestion.Nothing
            && chosen is null && intent is Intent.OutOfScope or Intent.Unknown or Intent.Availability or Intent.Smalltalk && ProviderOnADay().IsMatch(lowered))
        {
            cues = cues with { AsksWhoWorks = true };
            (intent, confidence) = (Intent.Availability, 1);
        }
        // Round 36: "can i do a massage and a facial the same day?" found the couples entry (two people) by "same day": one
        // person's two treatments of two kinds on one day are a booking, each chosen in turn.
        if (asked == AgentQuestion.Nothing && chosen is null && intent is Intent.Faq or Intent.OutOfScope or Intent.Unknown
            && services.Kind is ServiceMatchKind.Candidates or ServiceMatchKind.Several
            && services.Services.Select(x => x.Category).Distinct(StringComparer.Ordinal).Count() >= 2
            && OneDayTwoTreatments().IsMatch(lowered) && !GroupForUs().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.Book, 1);
            faqQuestion = null;
        }
        // Round 36: "this is ava i have something tomorrow i think", "soy ava creo que tengo algo mañana" (glossed) asked which
        // service to book: an appointment one half remembers having is a look-up of one's own appointments.
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None
            && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Availability or Intent.Book
            && HalfRememberedVisit().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.MyAppointments, 1);
        }
        if (staff.Person is not null && asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && date is null
            && ProviderLeft().IsMatch(lowered))
        {
            // "did sofia leave", "is priya gone" (round 29: the person's appointments were asked for, behind a code): whether a
            // provider is still with the spa is her week on the schedule, as "is maya still working there".
            cues = cues with { AsksWhoWorks = true };
            intent = Intent.OutOfScope;
        }
        if (cues.AsksWhoWorks && staff.Person is not null && asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None
            && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Affirm or Intent.Correction)
        {
            // "¿qué días trabaja jordan?" (round 28): a provider's days asked, as "is sofia working saturday?": said from the
            // schedule, then the booking's question with them (a look at the spa's own schedule, never anyone's data).
            (intent, confidence) = (Intent.Availability, 1);
        }
        if (cues.SameAsBefore && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Faq && BookingCue().IsMatch(lowered))
        {
            // "i wanna book what i had last time for thursday, oh wait you're closed thursday right? friday then": a booking of
            // the last visit's service (the question beside it is the day corrected), not a question for the team.
            intent = Intent.Book;
            confidence = 1;
        }
        if (!cues.AsksAboutAssistant && asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None
            && staff.Kind == StaffMatchKind.None && location is null && date is null && time is null && contact.Phone is null && contact.Email is null
            && !namesAnotherTreatment && Tokenizer.Tokenize(normalized).Count >= 3
            && (intent is Intent.Faq or Intent.Unknown or Intent.OutOfScope or Intent.Smalltalk or Intent.Book or Intent.Availability
                || (intent == Intent.Human && !AsksForPerson().IsMatch(lowered)))
            && Meaning() is { } aboutItself && aboutItself.NearestAboutAssistant >= AboutAssistantAt
            && aboutItself.NearestAboutAssistant - aboutItself.NearestSpaTask >= AboutAssistantAhead
            // "is it awkward if i fall asleep": the person's own visit, not the assistant (round 19).
            && VisitTopics().Count == 0)
        {
            // "do you go by a name?", "are you moonlighting for another company?": asked of the assistant about itself in
            // words the cue's patterns do not list, read by meaning (the rule below then lets the assistant answer).
            cues = cues with { AsksAboutAssistant = true };
        }
        if (namesAnotherTreatment && asked is AgentQuestion.Nothing or AgentQuestion.Service && chosen is null && staff.Kind == StaffMatchKind.None
            && (intent is Intent.OutOfScope or Intent.Unknown && (cues.AsksForSomething || SearchCue().IsMatch(lowered) || BookingCue().IsMatch(lowered))
                // "how much are gel nails", "cuanto cuestan las unas de gel" (round 34: declined as off topic): the price of a
                // treatment not on the menu is no question for the FAQ; it is not offered.
                // Not another business's price ("the average price of a haircut at supercuts"): that stays declined.
                || intent is Intent.Faq && cues.AsksPrice && !OtherPlaceOrTip().IsMatch(lowered) && !NamesElsewhere()))
        {
            // "i'm looking for a salon", "find me a barber in oakland": what the person asks for is a search (or a booking)
            // of a treatment the business does not list; the policy says it is not offered and what is.
            intent = SearchCue().IsMatch(lowered) && !BookingCue().IsMatch(lowered) ? Intent.Availability : Intent.Book;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && date is not null && time?.Exact is null
            && intent is Intent.Book or Intent.Availability or Intent.OutOfScope or Intent.Unknown && WhichOfMyDays().IsMatch(lowered))
        {
            // "did i book for tuesday or wednesday", "was my facial tuesday or wednesday" (round 31: asked which service to
            // book): which of two days one's own appointment is on is a look-up of one's appointments.
            (intent, confidence) = (Intent.MyAppointments, 1);
        }
        if (_servicesByMeaning is not null && services.Kind == ServiceMatchKind.None && asked is AgentQuestion.Nothing or AgentQuestion.Service
            && chosen is null && staff.Kind == StaffMatchKind.None && !namesAnotherTreatment && !asksElsewhere && !asksAboutAProduct
            && intent != Intent.Human
            // "i cant sleep and i need to relax" (round 31: read as a cancellation, "cant", and the appointments looked up): a
            // change or a look-up needs an appointment to be spoken of; a goal with none is a visit to choose.
            && (intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments) || (date is null && !AppointmentWord().IsMatch(lowered)))
            // "anything that helps with stress" (round 29): already asked of the menu as a concern, answered by it, not booked.
            && faqQuestion is null
            && Goals.CallsFor(lowered) is { } goal
            && ServiceMatcher.OfTheNearestKind(vocabulary, _servicesByMeaning(goal)) is { Kind: not ServiceMatchKind.None } ofTheKind)
        {
            // "i need to relax, been a rough week", "i want to look less tired": a goal with no treatment named; the services
            // of the kind it calls for are offered to choose from.
            services = ofTheKind;
            if (intent is not (Intent.Availability or Intent.Waitlist))
            {
                intent = Intent.Book;
                confidence = ofTheKind.Confidence;
            }
        }
        if (_servicesByMeaning is not null && services.Kind == ServiceMatchKind.None && asked is AgentQuestion.Nothing or AgentQuestion.Service
            && (MayNameAServiceByMeaning.Contains(intent) || (intent == Intent.Affirm && asked == AgentQuestion.Nothing && Tokenizer.Tokenize(normalized).Count >= 6))
            && chosen is null && staff.Kind == StaffMatchKind.None && !onlyAnAppointment && !namesAnotherTreatment && !asksElsewhere && !asksAboutAProduct
            && !NationNotAService().IsMatch(lowered) && !Tools.Text.OtherSenses.Spans(lowered).Any()
            && Tokenizer.Tokenize(normalized).Count >= 3
            // "i need an uber to my doctors appointment" (round 29: Botox offered): an errand of another business's, read
            // as off topic, means no service of ours.
            && !(intent == Intent.OutOfScope && NamesElsewhere())
            && !cues.HappyNews
            && _servicesByMeaning(SemanticIntents.ForModel(WithoutAppointmentWords(prepared))) is var nearestServices
            && ServiceMatcher.FromMeaning(vocabulary, nearestServices) is { Kind: not ServiceMatchKind.None } meant)
        {
            // No service named, but one meant: "something to relax my shoulders", "get rid of the hair on my legs". A state
            // told with no request at all ("just got back from vacation and my skin is a mess", round 29: the openings of
            // Dermaplaning were searched) is offered the services of the kind to choose from: nothing is searched for a
            // service the person did not name or ask for.
            services = meant.Kind == ServiceMatchKind.Confident && !cues.AsksForSomething && !QuestionShape().IsMatch(lowered)
                && !RequestWords().IsMatch(lowered) && !WantsSomething().IsMatch(lowered)
                ? ServiceMatcher.OfTheNearestKind(vocabulary, nearestServices) : meant;
            if (intent is not (Intent.Availability or Intent.Waitlist))
            {
                intent = Intent.Book;
                confidence = meant.Confidence;
            }
        }
        if (_servicesByMeaning is not null && services is { Kind: ServiceMatchKind.Confident, Service: { } byWords }
            && asked is AgentQuestion.Nothing or AgentQuestion.Service && chosen is null && intent is not (Intent.Cancel or Intent.Reschedule)
            && OnlyPartOfAName(normalized, services, byWords) && Tokenizer.Tokenize(normalized).Count >= 4
            && _servicesByMeaning(Tools.Faq.SemanticFaq.Spelled(normalized)) is [var top, ..] nearest && top.ServiceId != byWords.Id
            && top.Similarity >= ServiceMatcher.MeaningConfidentAt
            && top.Similarity - (nearest.FirstOrDefault(n => n.ServiceId == byWords.Id)?.Similarity ?? 0) >= ServiceMatcher.MeaningMargin
            && ServiceMatcher.FromMeaning(vocabulary, nearest) is { Kind: ServiceMatchKind.Confident } overruled)
        {
            // One word of a longer name ("cheek" of Cheek Filler) in "fade the sun spots on my cheeks": the message as a
            // whole is clearly nearer another service (IPL Photofacial), so the meaning wins over the one word.
            services = overruled;
            if (intent == Intent.Faq && _answeredBySpa is not null && !_answeredBySpa(normalized))
            {
                // "deep frown lines, what can you do": asked what the spa can do about it, and its information has no
                // answer but the service meant: the service is offered.
                intent = Intent.Book;
            }
        }
        if (cues.GroupSize is not null && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk && asked == AgentQuestion.Nothing && chosen is null
            && services.Kind == ServiceMatchKind.None && !asksElsewhere && !NamesElsewhere() && GroupForUs().IsMatch(lowered))
        {
            // "we're a group of 6 for a bachelorette", "can we book for a group of 5" (round 28: declined): a group of four or
            // more asking for the spa, with no service or day yet, is a booking for the team to arrange (the group's policy
            // row). One that is near a task elsewhere in meaning is still declined below ("book a table for a group of 8").
            (intent, confidence) = (Intent.Book, 1);
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None
            && intent is Intent.Book or Intent.Availability or Intent.OutOfScope or Intent.Unknown && SpaOpenAsked().IsMatch(lowered))
        {
            // "is the spa open on thanksgiving" (round 29: declined, as near a task elsewhere): the spa's hours asked of it by
            // name, on the day said.
            (intent, confidence, faqQuestion) = (Intent.Faq, 1, HoursQuestion);
            cues = cues with { AsksHours = true };
        }
        if (_servicesByMeaning is not null && intent is Intent.Book or Intent.Availability or Intent.Waitlist && asked == AgentQuestion.Nothing && chosen is null
            && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None && location is null
            && contact.Phone is null && contact.Email is null && contact.Name is null && shiftMinutes is null
            && Tokenizer.Tokenize(normalized).Count >= 3 && !onlyAnAppointment && !namesAnotherTreatment && !(openingsOnADay && RoomForUs().IsMatch(lowered))
            // "i'm booking for my grandma she's 85" (round 29): a booking for one's family is ours, however near a task elsewhere.
            && !BookingForFamily().IsMatch(lowered) && !ownErrand
            && ElsewhereAsNear(prepared, date is not null || time is not null) is { } elsewhere)
        {
            // A request for something the spa does not do, in booking or list words ("I want to book a pub now", "add
            // oranges to my shopping list", "what's on tv tonight"): no service of the spa named or meant, and an everyday
            // task elsewhere is as near in meaning as any spa task. Declined politely rather than asked "which service?".
            // A day or a time brings any request near the spa's booking examples, so the thing asked for is also weighed
            // without them ("can you book a tee time for sunday morning", "when is the next opening for a driving test").
            // One that names another business or thing was declined above (asksElsewhere).
            intent = Intent.OutOfScope;
            confidence = elsewhere;
        }
        if (cues.GroupSize is not null && intent == Intent.OutOfScope && asked == AgentQuestion.Nothing && chosen is null
            && services.Kind == ServiceMatchKind.None && !asksElsewhere && !NamesElsewhere() && GroupOccasion().IsMatch(lowered))
        {
            // "we're a group of 6 for a bachelorette" (round 28): a wedding, bachelorette or birthday group is one a spa
            // arranges, however near in meaning to a party elsewhere the words are.
            (intent, confidence) = (Intent.Book, 1);
        }
        if (cues.GroupSize is not null && intent == Intent.Human && asked == AgentQuestion.Nothing && chosen is null && GroupParty().IsMatch(lowered)
            && !AsksForPerson().IsMatch(lowered) && !CallMeBack().IsMatch(lowered))
        {
            // "organizamos una despedida de soltera para 6" (round 29: a general hand-over): a bridal group with its size is
            // the group's row (its own reply, the team arranges it), as in English.
            (intent, confidence) = (Intent.Book, 1);
        }
        if (intent is Intent.Book or Intent.Availability && confidence < WeakRequest && asked == AgentQuestion.Nothing && chosen is null
            && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None && location is null && date is null && time is null
            && contact.Phone is null && contact.Email is null && contact.Name is null && shiftMinutes is null && !onlyAnAppointment
            && !namesAnotherTreatment && !cues.WithOthers && !cues.AsksForSomething && !RequestWords().IsMatch(lowered))
        {
            // "does life have meaning", "what timezone is phoenix in": the classifier leans to a request only weakly, and the
            // message holds nothing a request has (a service, a day, a time, a person, a word for booking, a visit or an
            // opening): not "which service would you like to book?".
            intent = Intent.OutOfScope;
            confidence = 1 - confidence;
        }
        if (_faqCloseness is not null && _servicesByMeaning is not null && asked == AgentQuestion.Nothing && intent is Intent.Faq or Intent.Human
            && confidence < 1 && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None && contact.Phone is null && contact.Email is null
            && Tokenizer.Tokenize(normalized).Count >= 3 && !AsksForPerson().IsMatch(lowered)
            && EverydayWords.SpaWordsIn(normalized).Count == 0
            // "do you take fsa" (round 29: declined): a question the FAQ's own words cover is the spa's, however far its
            // letters are in meaning (the model does not know "fsa").
            && !(QuestionShape().IsMatch(lowered) && NamesFaqTopic?.Invoke(normalized) == true)
            && Meaning() is { } meaning && meaning.NearestSpaTask < FarFromSpaTasks
            && _faqCloseness(SemanticIntents.ForModel(prepared)) < FarFromSpaInformation
            && _servicesByMeaning(SemanticIntents.ForModel(prepared)) is var near && (near.Count == 0 || near[0].Similarity < FarFromSpaInformation))
        {
            // Far from everything the spa does and knows: out of scope, not a question for the team.
            intent = Intent.OutOfScope;
            confidence = 1 - meaning.NearestSpaTask;
        }
        if (intent == Intent.Faq && asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None
            && staff.Kind == StaffMatchKind.None && _answeredBySpa is not null && faqQuestion is null && !plainlyTheSpas
            && (NamesElsewhere() && location is null && ElsewhereIsTheSubject(normalized, lowered)
                || (NamesElsewhere() || NearerElsewhereThanTheSpa(normalized, lowered, prepared)) && !_answeredBySpa(normalized)))
        {
            // "how much do i pay in taxes", "can you share my location with roger": a question about another business or
            // thing (the escalation rules' elsewhere list), or nearer in meaning to a request elsewhere than to anything
            // the spa does, that the spa's information does not answer is not the spa's to pass to its team. One the spa
            // answers ("do you have parking near the hotel") is still answered; one about a visit still goes to the FAQ
            // and the team (below).
            // Round 28: not a question the words above already read as the spa's own, asked in the spa's words ("directions
            // please", "something to help me relax", "how long have you guys been in business" were turned away here).
            intent = Intent.OutOfScope;
            confidence = 1;
        }
        if (intent == Intent.Faq && confidence < 1 && asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None
            && staff.Kind == StaffMatchKind.None && location is null && contact.Phone is null && contact.Email is null && _answeredBySpa is not null
            && !AsksForPerson().IsMatch(lowered) && VisitTopics().Count == 0
            && Meaning() is { } plainlyElsewhere && plainlyElsewhere.NearestSpaTask < FarFromSpaTasks
            && plainlyElsewhere.Scores.GetValueOrDefault(Intent.OutOfScope) >= PlainlyElsewhere
            && !_answeredBySpa(normalized))
        {
            // "how do you convert feet to inches", "what plug do i need in japan": worded like a question, far from every
            // spa task, and its nearest examples are nearly all things people ask elsewhere. A word the spa also uses
            // ("feet") does not make it the spa's; nothing the spa's information answers is turned away here.
            intent = Intent.OutOfScope;
            confidence = plainlyElsewhere.Scores[Intent.OutOfScope];
        }
        // A move wording with no booking verb ("can I push my massage on wednesday") is a move even when it reads like a
        // booking ("that day" with a service and a booking verb, "can i book a hydrafacial that day", is a new booking);
        // so is "reschedule my appointment" ("I'd like reschedule my appointment for friday", the Spanish
        // "quisiera cambiar mi cita para el viernes" read into English).
        var changesAppointment = shiftMinutes is not null
            || (ChangeCue().IsMatch(lowered) && (intent is not (Intent.Cancel or Intent.Book)
                || (intent == Intent.Book && (RescheduleMine().IsMatch(lowered) || !BookingCue().IsMatch(lowered)))))
            || ((sameTime || sameDay) && (date is not null || time is not null) && services.Kind != ServiceMatchKind.Several
                && !(services.Kind != ServiceMatchKind.None && (BookingCue().IsMatch(lowered) || asksToGetTheService) && !OwnBooking().IsMatch(lowered))
                && !(NewAppointmentAsked().IsMatch(lowered) && !OwnBooking().IsMatch(lowered) && !ChangeCue().IsMatch(lowered))
                // "can i also get a swedish massage the same day", "y también un masaje sueco ese mismo día": one more booking.
                && !(services.Kind != ServiceMatchKind.None && AlsoWants().IsMatch(lowered) && !OwnBooking().IsMatch(lowered) && !ChangeCue().IsMatch(lowered)));
        if (intent is Intent.OutOfScope or Intent.Smalltalk && isCorrection && services.Kind != ServiceMatchKind.None
            && lowered.Contains("instead", StringComparison.Ordinal) && !NamesElsewhere())
        {
            // "ok then a regular facial for her instead" after a refusal: another service asked for, a booking.
            intent = Intent.Book;
            confidence = 1;
        }
        // "ugh totally forgot about this, could i come at 4 instead?" with nothing asked: another time for the appointment.
        changesAppointment = changesAppointment || (asked == AgentQuestion.Nothing && time is not null && services.Kind == ServiceMatchKind.None
            && intent is not (Intent.Cancel or Intent.Book or Intent.Waitlist) && TimeInstead().IsMatch(lowered));
        if (changesAppointment && (intent is not (Intent.Cancel or Intent.Human or Intent.Restart or Intent.Nevermind) || (intent == Intent.Human && !AsksForPerson().IsMatch(lowered)))
            && asked is not AgentQuestion.Confirmation)
        {
            intent = Intent.Reschedule;
            confidence = 1;
        }

        var answer = yesNo.Answer;
        if (asked == AgentQuestion.SlotChoice && cues.Nudge != TimeNudge.None && context.OfferedSlots.Count > 0
            && intent is not (Intent.Cancel or Intent.Human or Intent.Restart or Intent.Reschedule))
        {
            // "hmm nothing later?" at an offer: a search past the times offered, not a no or a goodbye.
            intent = Intent.Inform;
            answer = YesNo.Unknown;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && (date is null || GiftOccasion().IsMatch(lowered)) && time is null && contact.Phone is null && GiftFor().IsMatch(lowered)
            && intent is Intent.Book or Intent.Availability or Intent.Faq or Intent.OutOfScope or Intent.Unknown && !BookItForThem().IsMatch(lowered))
        {
            // "i want to get my mom a massage as a gift for christmas, how does that work?": a present, with no day to book
            // (the holiday it is for is not one), is a question about gift cards, not a massage booked for the person asking.
            // "can i book it as a gift" asks for the booking itself (the read-back still guards it).
            intent = Intent.Faq;
            confidence = 1;
            services = ServiceMatch.None;
            faqQuestion = "how do gift cards work?";
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind != ServiceMatchKind.None && contact.Phone is null
            && intent is Intent.Faq or Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk && !cues.AsksPrice
            && (BookSomeoneA().IsMatch(lowered) || CalledBeforeAbout().IsMatch(lowered)))
        {
            // Round 34: "can i book my wife a facial as a surprise" was passed to the team, "i want to book my mom a massage for
            // her birthday" kept, and "yes i called earlier about the massage" declined: a service booked for someone, or the
            // one an earlier call was about, is a booking of it (its kinds are offered; the read-back guards the rest).
            (intent, confidence) = (Intent.Book, 1);
        }
        if (asked == AgentQuestion.Nothing && chosen is null && date is null && time is null && services.Service is { } wondered
            && intent is Intent.Book or Intent.Availability or Intent.Faq or Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk
            && WonderingAbout().IsMatch(lowered) && !BookingWords().IsMatch(lowered))
        {
            // "i'm 19 and i was wondering about lips", "curious about lip injections": the treatment described as listed (what
            // it is, its length and price, its consultation and age), not a booking started nor a note for the team (round 21).
            (intent, confidence) = (Intent.Faq, 1);
            faqQuestion = $"what is {wondered.Name}?";
        }
        if (intent is Intent.OutOfScope or Intent.Unknown && asked is not AgentQuestion.Confirmation && TeamCredentials().IsMatch(lowered))
        {
            // "the doctors are certified?", "¿sus terapeutas tienen licencia?" (read into English): a question about who
            // does the treatments, for the FAQ (the team's credentials), however it is worded.
            intent = Intent.Faq;
        }
        if (intent == Intent.OutOfScope && cues.IsQuestion && AboutAVisit().IsMatch(lowered))
        {
            // "what happens if im running 10 min late?": a question about a visit, for the FAQ (or the team), not off-topic.
            intent = Intent.Faq;
        }
        if (asked == AgentQuestion.Nothing && chosen is null
            && (intent is Intent.OutOfScope or Intent.Unknown or Intent.Nevermind or Intent.Smalltalk or Intent.Book or Intent.Availability
                || (intent is Intent.Reschedule or Intent.MyAppointments && !changesAppointment && !OwnBooking().IsMatch(lowered))
                // "what should i bring to my appointment": getting ready for one's own visit, not a look at it.
                // "can i wear makeup to my appointment" (round 19: read as a move, the classifier's nearest).
                || (intent is Intent.MyAppointments or Intent.Reschedule && !changesAppointment
                    && VisitTopics().Overlaps(GettingReady)))
            // A service read only by meaning is no occasion either: "should i come with a clean face" is how to come.
            && (services.Kind == ServiceMatchKind.None || serviceIsContext || (services.Spans.Count == 0 && services.Kind != ServiceMatchKind.Confident)
                // nor a service's word in another sense: "can i come in with wet hair" (round 19)
                || (date is null && time?.Exact is null && VisitTopics().Overlaps(NoServiceAsked)))
            && staff.Kind == StaffMatchKind.None
            // "do i have to be a member to book": what booking needs, not a booking (round 19)
            && (!BookingCue().IsMatch(lowered) || NeedToBook().IsMatch(lowered) || VisitTopics().Overlaps(Requirements))
            && VisitTopics().Count > 0 && !NamesElsewhere())
        {
            // "hi im gonna be about 10 minutes late is that ok", "running 15 mins behind for my 2pm", "can i bring my dog":
            // the person's own visit, for the FAQ (and the team when it has no answer), not a search nor off-topic.
            intent = Intent.Faq;
            confidence = 1;
            if (services.Spans.Count == 0 && !serviceIsContext)
            {
                services = ServiceMatch.None;
            }
        }
        if (cues.AsksAboutAssistant && asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None
            && (intent is Intent.Faq or Intent.Unknown or Intent.OutOfScope or Intent.Smalltalk or Intent.Availability or Intent.Book or Intent.Waitlist or Intent.Correction
                || (intent == Intent.Human && !AsksForPerson().IsMatch(lowered))
                // "from now on i will start calling you dave": "start" is no start over here
                || (intent == Intent.Restart && !StartAgain().IsMatch(lowered))))
        {
            // "can i ask your name", "do you have hobbies", "who made you", "who's in charge of you": asked of the assistant,
            // which says what it is; not a question for the spa's information nor for the team (unless a person is named).
            intent = Intent.Smalltalk;
            confidence = 1;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None
            && (intent is Intent.Smalltalk or Intent.Thanks or Intent.Greeting && TriviaOrTranslation().IsMatch(lowered)
                || intent is Intent.Faq or Intent.Unknown or Intent.Cancel && TranslationAsked().IsMatch(lowered)))
        {
            // "translate thank you into german", "is it true you lose most heat through your head": the words of thanks or of a
            // chat inside a request for a translation or a piece of trivia, which is not the spa's (round 24: "you're very
            // welcome!" and "i'm doing well, thank you for asking!"); "how can i say 'cancel my order' in french" is no
            // cancellation-policy question either.
            intent = Intent.OutOfScope;
            confidence = 1;
        }
        if (cues.WrongNumber && asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None)
        {
            // "sorry wrong number": the spa was not meant; said back kindly (a small-talk reply), nothing asked of anyone.
            intent = Intent.Smalltalk;
            confidence = 1;
        }
        if (cues.AsksPace && asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && date is null && time is null
            && !AsksForPerson().IsMatch(lowered) && intent is not (Intent.Cancel or Intent.Reschedule or Intent.Book or Intent.Availability))
        {
            // "slow down please", "speak more slowly to me" with nothing asked: the assistant says it will; not off-topic and
            // not a person asked for. With a question pending, the question is what the person needs again (the policy's own).
            intent = Intent.Smalltalk;
            confidence = 1;
        }
        if (cues.AsksDate && asked is not AgentQuestion.Confirmation && chosen is null && services.Kind == ServiceMatchKind.None && time is null
            && contact.Phone is null && contact.Email is null && intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Human))
        {
            // "what's today's date?", "what day is tomorrow": the date, said from the spa's calendar; not a search.
            intent = Intent.Smalltalk;
            confidence = 1;
        }
        if (cues.LanguageAsked is not null && asked is not AgentQuestion.Confirmation && chosen is null && services.Kind == ServiceMatchKind.None
            && date is null && time is null && contact.Phone is null && contact.Email is null)
        {
            // "do you speak spanish?", "¿habla inglés?": asked of the assistant, which answers in that language (or says it
            // cannot); not a request for a person nor off-topic.
            intent = Intent.Smalltalk;
            confidence = 1;
        }
        if (intent is Intent.Faq or Intent.Book or Intent.Availability && asked == AgentQuestion.Nothing && chosen is null && date is null
            && PackageAsked().IsMatch(lowered))
        {
            // "do u guys sell packages of like 5 massages": a package, whatever treatment it is of, is the FAQ's to answer (its
            // membership or package entry, or the team), not a booking nor the menu of that kind.
            (intent, confidence) = (Intent.Faq, 1);
            services = ServiceMatch.None;
            time = null;
            cues = cues with { NamesATreatment = false };
            faqQuestion = "do you offer memberships or packages?";
        }
        if (intent is Intent.Cancel or Intent.Reschedule && FeeAmountAsked().IsMatch(lowered))
        {
            // "if i cancel today how much would the fee be exactly": the policy's rule is the FAQ's to say, the amount a person's
            // (the engine hands over after the answer); nothing is changed on it.
            intent = Intent.Faq;
            confidence = 1;
            faqQuestion = "what is your cancellation policy? is there a fee to cancel or reschedule late?";
            cues = cues with { AsksFeeAmount = true };
        }
        else if (LateFeeAsked().IsMatch(lowered) && (CantMakeIt().IsMatch(lowered) || CancelOwn().IsMatch(lowered)))
        {
            // "i cant make it today, sorry. whats the late cancel fee?": the appointment's cancellation, with the policy said beside
            // the answer to it.
            cues = cues with { AsksLateFee = true };
        }
        else if (intent is Intent.Cancel or Intent.Reschedule or Intent.Unknown or Intent.OutOfScope or Intent.Book or Intent.Availability
            && LateFeeAsked().IsMatch(lowered))
        {
            // "whats ur late cancel fee", "is there a no show fee": the policy asked, nothing cancelled. Beside a request for a
            // service or a day ("a deep tissue saturday morning, and whats ur late cancel fee btw?") the request is the message's,
            // and the question is answered first (the booking step asks the FAQ for the part that is a question).
            var request = services.Kind != ServiceMatchKind.None || date is not null;
            intent = request ? Intent.Book : Intent.Faq;
            // The fee asked is the policy's, not the service's price.
            cues = cues with { AsksPrice = false };
            confidence = 1;
            faqQuestion = request ? faqQuestion : "what is your cancellation policy? is there a fee to cancel or reschedule late?";
        }
        else if (ChargedIfChanged().IsMatch(lowered) && asked == AgentQuestion.Nothing && chosen is null
            && (CantMakeIt().IsMatch(lowered) || CancelOwn().IsMatch(lowered) || CancelStated().IsMatch(lowered)))
        {
            // "something came up, i need to cancel wednesday. will i get charged?", "no voy a poder ir hoy, me van a cobrar?"
            // (round 27): the cancellation is said as a fact, not asked about ("if i cancel …"): the appointment's cancellation,
            // read back as any, with the policy said beside the answer to it (a late one goes to the team as before).
            intent = Intent.Cancel;
            confidence = 1;
            faqQuestion = null;
            cues = cues with { AsksLateFee = true };
        }
        else if (intent is Intent.Cancel or Intent.Reschedule && ChargedIfChanged().IsMatch(lowered)
            || intent is Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Faq or Intent.OutOfScope or Intent.Unknown
                && MissedVisitAsked().IsMatch(lowered)
            // "can i cancel the day before without paying": no appointment of one's own named, so the rule is asked (round 24);
            // "can i move my friday facial to next tuesday without a fee?" is a move, with the policy beside it.
            || intent is Intent.Cancel or Intent.Reschedule && WithoutPaying().IsMatch(lowered) && date is null && time is null
                && services.Kind == ServiceMatchKind.None && !OwnBooking().IsMatch(lowered)
            // "how much notice do i need to cancel", "how late can i reschedule", "cuánto tiempo antes tengo que cancelar"
            // (round 30): how far ahead a change must be made is the policy, asked; nothing is looked up or changed.
            || intent is Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.OutOfScope or Intent.Unknown
                && NoticeAsked().IsMatch(lowered))
        {
            // "if i cancel todays appointment will i get charged?", "si cancelo … me cobran algo?", "what happens if i miss my
            // appointment": the cancellation policy asked, not a cancellation (nothing is changed on a question about what it
            // would cost). The search is asked for the policy itself: "if i move tmrws appt to next week is there a charge?"
            // shares no word with it.
            intent = Intent.Faq;
            confidence = 1;
            faqQuestion = "what is your cancellation policy? is there a fee to cancel or reschedule late?";
        }
        if ((intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Inform
                || (intent is Intent.Book or Intent.Availability && !BookingCue().IsMatch(lowered))) && !hypothetical && asked != AgentQuestion.Confirmation
            && CancelOwn().IsMatch(lowered))
        {
            // "pls cancel the facial one, keep the massage": a cancellation of one's own appointment, put plainly.
            intent = Intent.Cancel;
            confidence = 1;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && !hypothetical && !CantMakeIt().IsMatch(lowered) && DayNotKeptThenAnother(lowered)
            && services.Kind == ServiceMatchKind.None
            && intent is Intent.Correction or Intent.Book or Intent.Availability or Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Deny or Intent.Inform)
        {
            // "tomorrow doesn't work anymore, wednesday?", "can't do the 24th, how about the 27th?": the appointment moved to the
            // other day (round 29); with a service named it stays what it was read as (a booking).
            intent = Intent.Reschedule;
            confidence = 1;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && !hypothetical && CantMakeIt().IsMatch(lowered)
            && intent is Intent.Correction or Intent.Book or Intent.Availability or Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Deny or Intent.Inform)
        {
            // "cant make it thursday, sorry!! can we do next week": the person's own appointment that cannot be kept, with
            // nothing being booked: moved when another day is asked for, else cancelled (each after a read-back).
            intent = AnotherDay().IsMatch(lowered) || AnotherDayAfter(lowered, CantMakeIt().Match(lowered)) ? Intent.Reschedule : Intent.Cancel;
            confidence = 1;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && CallMeBack().IsMatch(lowered)
            && intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human))
        {
            // "please call my cell 415 555 0199", "can you call me", "could someone ring me back this afternoon": a call back
            // asked for, which a person makes (not a name given: "call me Rob" is read above, nor the spa's own number). With a
            // number asked for, "call me at 415…" gives it.
            intent = Intent.Human;
            confidence = 1;
        }
        if (intent is Intent.Human or Intent.Unknown or Intent.OutOfScope && chosen is null && KeepTexting().IsMatch(lowered))
        {
            // Round 36: "please don't unsubscribe me" was read as a person asked for (the team told): a wish to keep the
            // texts, which the opt-out's negation guard already leaves alone; nothing for the team.
            (intent, confidence) = (Intent.Smalltalk, 1);
        }
        if (asked is not AgentQuestion.Confirmation && chosen is null && TellMeWhenItOpens().IsMatch(lowered)
            && intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.Waitlist))
        {
            // "text my phone when something opens up", "let me know if anything frees up friday": told of an opening, which
            // is what the waitlist does (its policy asks for the service and the days), not a booking nor a task elsewhere.
            intent = Intent.Waitlist;
            confidence = 1;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && intent is Intent.OutOfScope or Intent.Unknown or Intent.Human or Intent.Smalltalk or Intent.Faq
            && SendMeInformation().Match(lowered) is { Success: true } sendMe)
        {
            // "text me the address please", "can u email me your hours": the spa's own information, sent where the person
            // reads it (this reply is that message), not a task elsewhere nor a person asked for. Read as the FAQ's too, the
            // question is still the information itself (round 30: "can you text me the address" searched its own words).
            intent = Intent.Faq;
            confidence = 1;
            faqQuestion = $"what is your {sendMe.Groups["what"].Value}?";
        }
        if (asked == AgentQuestion.Nothing && chosen is null && intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human)
            // Round 31: "do you need any massage therapists" (the providers were listed), "looking for a job as an esthetician"
            // (declined), "están contratando".
            && (WorkHere().IsMatch(lowered) || WorkSought().IsMatch(lowered)))
        {
            // "are you hiring?", "can i drop off my resume": a question for the spa's team (it was small talk, "I'm doing
            // well, thank you for asking!"), answered from its information or passed on. Asked as that, so the FAQ is
            // searched for jobs, not for the trade named ("hiring massage therapists" is not the massage menu).
            intent = Intent.Faq;
            confidence = 1;
            faqQuestion = "are you hiring?";
        }
        if (asked == AgentQuestion.Nothing && chosen is null && date is null && time is null && intent is Intent.Book or Intent.Availability
            && CanItPay().IsMatch(lowered) && FrontDesk.Tools.Faq.PaymentQuestion.Head(lowered) is { } paying)
        {
            // "got a gift card for my bday, can i use it on a hydrafacial?": whether it pays for the service, asked as that
            // (the payment entry), not a booking of the service named; a day or a time said with it is a booking, and so is
            // the wish said plainly ("I got a gift card and wanted to use it for a facial": the facials are offered).
            intent = Intent.Faq;
            confidence = 1;
            faqQuestion = paying;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && intent is not (Intent.Cancel or Intent.Reschedule)
            && OwnRecord().IsMatch(lowered))
        {
            // "what do you have on file for me", "my number changed, its …", "update my email to …", "delete my info", "how
            // much is left on my gift card": the person's own record, which only the team can read out or change (no tool
            // does): a person is asked for, and details given with it are passed on. Never guessed, never "only spa things".
            intent = Intent.Human;
            confidence = 1;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None
            && contact.Phone is null && contact.Email is null && MessageForSomeoneElse().IsMatch(lowered))
        {
            // "text bill and tell him i'll be 30 minutes late", "call aj please", "can you make a phone call to dave": a call or
            // a message to someone who is not of the spa (its staff are matched above), asked of a phone assistant. Not a
            // person asked for, nor a question for the team, nor the person's name.
            intent = Intent.OutOfScope;
            confidence = 1;
            name = null;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None
            && OwnFreeTime().IsMatch(lowered))
        {
            // "am i free at 4 on thursday", "find a time when bob and i are both free": the person's own calendar, asked of a
            // phone assistant; the spa knows its openings, not the person's. ("are you free at 4", "is maya free" are openings.)
            intent = Intent.OutOfScope;
            confidence = 1;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None
            && (HomeToRent().IsMatch(lowered) || TransitNews().IsMatch(lowered)))
        {
            // "can you find me an apartment near the marina", "any studios for rent in the mission", "is the bart running late
            // today": a home or a train near one of our places is not a question about the place (its address is not the
            // answer, nor is the team's follow-up).
            intent = Intent.OutOfScope;
            confidence = 1;
            faqQuestion = null;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Spans.Count == 0 && staff.Kind == StaffMatchKind.None
            && contact.Phone is null && contact.Email is null && !ownErrand
            && intent is not (Intent.Human or Intent.Restart or Intent.Nevermind or Intent.Thanks or Intent.Greeting)
            && TaskElsewhereNeeds?.MayMatch(lowered) != false && TaskElsewhere().Match(lowered) is { Success: true } elsewhereTask
            && !AsksTheSpaToo().IsMatch(lowered.Remove(elsewhereTask.Index, elsewhereTask.Length)))
        {
            // "set a reminder for my doctors appointment", "delete the dentist appt on monday", "i need an uber to the doctor",
            // "reserve a table at 8 at long john silver's", "can i have next week off": an appointment, a table or time off
            // somewhere else, with no service of ours said and nothing else asked of us ("i have a doctor's appointment at
            // 3, can i come in at 5?" still asks for a visit). Not a booking nor a service found by meaning.
            intent = Intent.OutOfScope;
            confidence = 1;
            services = ServiceMatch.None;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Spans.Count == 0 && staff.Kind == StaffMatchKind.None
            && intent is Intent.Book or Intent.Availability && FrontDesk.Tools.Faq.GenericYou.IsIn(lowered))
        {
            // "can you get a sunburn on a cloudy day": anyone's sunburn, asked in the generic "you", is no request for the
            // treatment nearest in meaning (IPL was offered, round 22).
            intent = Intent.OutOfScope;
            confidence = 1;
            services = ServiceMatch.None;
        }
        if (intent == Intent.OutOfScope && confidence < 1 && asked == AgentQuestion.Nothing && chosen is null
            && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None && contact.Phone is null && contact.Email is null
            && (cues.IsQuestion || QuestionShape().IsMatch(lowered)) && !NamesElsewhere()
            && Meaning() is { } askedOfUs && askedOfUs.NearestSpaTask >= AskedOfTheSpaAt && askedOfUs.NearestSpaTask - askedOfUs.NearestElsewhere >= ClearlyAheadOfElsewhereForAQuestion)
        {
            // "can i request a female therapist", "do i need to be a member", "can i get a receipt for my hsa": a question
            // the word classifier places nowhere, whose meaning is plainly the spa's (a spa task near, everything elsewhere
            // far): the FAQ, and the team when it has no answer; never "I can only help with the spa".
            intent = Intent.Faq;
            confidence = askedOfUs.NearestSpaTask;
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None
            && contact.Phone is null && contact.Email is null && !cues.AsksAboutAssistant
            && intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Human)
            && (WayHere().IsMatch(lowered) || (Whereabouts().IsMatch(lowered) && FromSomewhere().IsMatch(lowered))))
        {
            // "what's your address, i'm coming from the airport", "how do i get to you from bart", "how far are you from the
            // ballpark", "donde estan ubicados, voy desde oakland": the address (where the person starts is theirs to map),
            // not a question for the team nor off-topic because of the other place named.
            intent = Intent.Faq;
            confidence = 1;
            faqQuestion = location?.Location is { } place ? $"where is {place.Name}?" : "where are you located?";
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None
            && location is null && intent is Intent.Faq or Intent.Availability or Intent.Book or Intent.Human or Intent.Unknown or Intent.OutOfScope
            && OpenOrCloseOf().Match(lowered) is { Success: true } hoursOf)
        {
            var whose = hoursOf.Groups["whose"].Value.Trim();
            if (OursToOpen().IsMatch(whose))
            {
                // "when does the front desk open tomorrow": the opening hours, not a person asked for.
                (intent, confidence) = (Intent.Faq, 1);
                faqQuestion = HoursQuestion;
            }
            else if (VisitTopics().Count == 0 && EverydayWords.SpaWordsIn(whose).Count == 0
                && !AmenityWord().IsMatch(whose))
            {
                // "when does the farmers market open on sundays", "what time does the mall open", "when does trader joes
                // close tonight": another place's hours, never answered with ours nor passed to the team (nor by the policy's
                // row for an hours question with a day: "what time does the post office close on saturday", round 24).
                (intent, confidence) = (Intent.OutOfScope, 1);
                faqQuestion = null;
                cues = cues with { AsksHours = false };
            }
        }
        if ((notStaff is not null || cues.OtherProvider) && intent is Intent.Human or Intent.Deny or Intent.OutOfScope or Intent.Unknown or Intent.Correction)
        {
            // "can i have someone else instead of maya", "not maya, anyone else?": another provider, not a person to talk to nor a no.
            intent = Intent.Inform;
            answer = YesNo.Unknown;
        }

        if (cues.GroupSize is not null && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk or Intent.Human && asked == AgentQuestion.Nothing
            && chosen is null && services.Kind == ServiceMatchKind.None && !asksElsewhere && !NamesElsewhere() && !AsksForPerson().IsMatch(lowered)
            && (WholePlaceBooked().IsMatch(lowered) || GroupGathering().IsMatch(lowered)))
        {
            // "corporate event for 20 people", "birthday party for 5 girls", "somos 6 amigas queremos ir el sabado" (round 31:
            // declined): a group of four or more gathering at the spa is the group's row (the team arranges it).
            (intent, confidence, faqQuestion) = (Intent.Book, 1, null);
        }
        if (chosen is null && intent is not (Intent.Cancel or Intent.Human) && services.Kind == ServiceMatchKind.None && date is null && time is null
            && cues.GenderAsked)
        {
            // "can i request a female therapist", "can i get a male therapist" (round 31: "a great question" passed on): the
            // profile does not say who is who, so the team, who know, take the request. With a service and a day ("a lady
            // therapist if u have one, deep tissue friday morning", rounds 15 and 18) the openings are offered, each with
            // its provider's name, for the person to choose.
            (intent, confidence, faqQuestion) = (Intent.Human, 1, null);
        }
        var edgeOpeningAsked = time?.Kind is TimePreferenceKind.Earliest or TimePreferenceKind.Latest && EdgeOpeningAsked().IsMatch(lowered);
        if (asked == AgentQuestion.Nothing && chosen is null && !NamesElsewhere()
            && (intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk
                || (intent == Intent.Faq && edgeOpeningAsked && date is null && VisitTopics().Count == 0 && !EdgeOfTheDay().IsMatch(lowered) && !HoursWord().IsMatch(lowered)))
            && ((cues.GenderAsked && services.Kind != ServiceMatchKind.None)
                || (SomePeople().IsMatch(lowered) && (date is not null || time is not null))
                || edgeOpeningAsked))
        {
            // A provider's gender beside a service ("i prefer a male therapist for the deep massage"), two people and a day or an
            // hour ("2 ppl sat 3pm"), the earliest or latest opening asked ("whats the earliest u have") (round 32: each declined
            // as off topic): a booking, whose openings show each provider by name.
            (intent, confidence, faqQuestion) = (Intent.Book, 1, null);
        }
        if (asked == AgentQuestion.Nothing && chosen is null && intent is not Intent.Smalltalk && LineChecked().IsMatch(lowered))
        {
            // "can u hear me", "r u still there", "u there?" (round 32: passed to the team, or declined): a caller checking the
            // line hears that the assistant is there, as "can you hear me" does.
            (intent, confidence, faqQuestion) = (Intent.Smalltalk, 1, null);
        }
        if (asked == AgentQuestion.Nothing && chosen is null && lowered.Length > 0 && !lowered.Any(char.IsLetterOrDigit))
        {
            // "?", "???" (round 31: declined as a request for something elsewhere): nothing said yet, so what is needed is asked.
            (intent, confidence, faqQuestion) = (Intent.Unknown, 1, null);
            cues = cues with { IsQuestion = false };
        }
        if (asked == AgentQuestion.Nothing && chosen is null && intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments)
            && (LeftBehind().IsMatch(lowered)
                || (services.Kind == ServiceMatchKind.None && staff.Kind == StaffMatchKind.None
                    && ((OpenDespite().IsMatch(lowered) && OpenAskedOfUs().IsMatch(lowered) && !asksElsewhere && !NamesElsewhere())
                        || (cues.GroupSize is null && WholePlaceBooked().IsMatch(lowered))))))
        {
            // Round 31: something left behind ("i think i left my earrings in the locker room": "a great question"), whether the spa opens through a
            // storm or a power cut (its usual hours, or declined), the whole spa for a private event (declined): the team's,
            // who alone can say; a person is asked for.
            (intent, confidence, faqQuestion) = (Intent.Human, 1, null);
            cues = cues with { AsksHours = false, AsksOnlyHours = false };
        }
        if (asked == AgentQuestion.Nothing && chosen is null && services.Spans.Count == 0 && date is null && time is null
            && intent is not (Intent.Cancel or Intent.Reschedule or Intent.MyAppointments or Intent.Human) && PraiseOnly().IsMatch(lowered))
        {
            // "just wanted to say sarah is the best", "maya is amazing" (round 31: declined as off-topic): praise, thanked;
            // nothing offered or searched.
            (intent, confidence, faqQuestion) = (Intent.Smalltalk, 1, null);
            services = ServiceMatch.None;
            // The provider praised is not a booking with them.
            staff = StaffMatch.None;
            cues = cues with { Praise = true };
        }

        string? thenBook = null;
        if (intent == Intent.Cancel && asked is not AgentQuestion.Confirmation && chosen is null && date is not null
            && CancelThenBook().Match(lowered) is { Success: true } also)
        {
            // "cancel my friday and book me a massage saturday instead": the cancel, then a booking of what the second part
            // names. "cancela la del martes y ponme el viernes", "cancel tuesday's and put me on friday instead": no service
            // in the second part, only another day: a move of the one named to that day (round 21). Each read back first.
            var asideAsked = also.Groups["what"].Value;
            var asideAskedDate = DateExpressionParser.Parse(asideAsked, context.Today, context.Closures);
            if (new ServiceMatcher(vocabulary).Match(asideAsked).Kind != ServiceMatchKind.None)
            {
                thenBook = asideAsked;
            }
            else if (asideAskedDate is not null
                && DateExpressionParser.Parse(lowered[..also.Groups["what"].Index], context.Today, context.Closures) is { } cancelled
                && asideAskedDate.Range != cancelled.Range)
            {
                intent = Intent.Reschedule;
                moveFrom = cancelled.Range;
                date = asideAskedDate with { Span = new TextSpan(asideAskedDate.Span.Start + also.Groups["what"].Index, asideAskedDate.Span.Length) };
            }
        }
        if (asked == AgentQuestion.Nothing && chosen is null && intent is not (Intent.Cancel or Intent.Reschedule or Intent.Human or Intent.MyAppointments)
            && contact.Phone is null && StillOn().IsMatch(lowered))
        {
            // "is my facial still on for tomorrow" (round 34: the facials were offered to book): whether one's own visit
            // stands is a look at it, whatever service it names.
            (intent, confidence) = (Intent.MyAppointments, 1);
        }
        // Round 36: a day with what does not suit it and no service ("anything friday except 12 to 2?") was declined and the day
        // lost; a service with a day ruled out ("un facial cualquier día menos el fin de semana", glossed) was declined in
        // Spanish while its English twin offered the facials. A visit asked for: which service is asked, the day kept. Read
        // last, over the readings by meaning that call it off topic.
        if (asked == AgentQuestion.Nothing && intent is Intent.OutOfScope or Intent.Unknown or Intent.Smalltalk
            && (date is not null || services.Kind != ServiceMatchKind.None) && SaidByWhatIsExcluded().IsMatch(lowered))
        {
            (intent, confidence) = (Intent.Availability, 1);
        }

        return new Utterance
        {
            Text = normalized,
            ThenBook = thenBook,
            Intent = intent,
            Confidence = confidence,
            Alternatives = prediction.Alternatives,
            Services = services,
            Staff = staff,
            Location = location,
            Date = date,
            MoveFrom = moveFrom,
            DaysNamed = daysNamed,
            DayChoices = dayChoices,
            ChangeServiceTo = serviceChange,
            Time = time,
            Phone = contact.Phone,
            Email = contact.Email,
            Name = name,
            YesNo = answer,
            IsCorrection = isCorrection,
            Remainder = remainder,
            ChosenSlot = notStaff is not null || cues.OtherProvider ? null : chosen,
            ShiftMinutes = shiftMinutes,
            SameTime = sameTime,
            SameDay = sameDay,
            DayNudge = dayNudge,
            ChangesAppointment = changesAppointment,
            OtherProvider = notStaff is not null || cues.OtherProvider,
            NotStaffId = notStaff,
            NotWeekdays = notWeekdays,
            PlaceElsewhere = location is null && staff.Kind == StaffMatchKind.None
                ? cues.PlaceAsked is { } placeAsked ? Elsewhere(placeAsked, vocabulary)
                    // "miami?" right after the address, "in dallas?" at any point: the whole message a place, nothing else in it.
                    : cues.BarePlace is { } barePlace && (cues.BarePlaceWithIn || context.AfterAddress) && services.Kind == ServiceMatchKind.None
                        && date is null && time is null && answer == YesNo.Unknown && contact.Name is null ? Elsewhere(barePlace, vocabulary) : null
                : null,
            // "hi, the doctors are certified?": the greeting is not part of the question the FAQ is asked; "where r u" is the
            // address asked in three words the search cannot use.
            FaqQuestion = intent == Intent.Faq ? faqQuestion ?? (BareWhereAreYou().IsMatch(lowered) ? "where are you located?" : null) ?? (GreetingHead().Match(normalized) is { Success: true } hi && hi.Length < normalized.Length ? normalized[hi.Length..] : null) : null,
            Cues = cues,
        };
    }

    /// <summary>
    /// "the friday and saturday ones", "fri and sat", "tuesday &amp; friday": the single days said one right after the other,
    /// joined by "and", from the first (<paramref name="first"/>) on; two or more, else none.
    /// </summary>
    private static List<DateOnly> DaysNamedAfter(string text, DateMatch first, UnderstandingContext context)
    {
        var days = new List<DateOnly> { first.Range.Start };
        var end = first.Span.End;
        while (end < text.Length && AndAnotherDay().Match(TextNormalizer.LowerSameLength(text[end..])) is { Success: true } joined
            && DateExpressionParser.Parse(text[(end + joined.Length)..], context.Today, context.Closures) is { Range.IsSingleDay: true, Span.Start: 0 } next
            && !days.Contains(next.Range.Start))
        {
            days.Add(next.Range.Start);
            end += joined.Length + next.Span.End;
        }
        return days.Count > 1 ? days : [];
    }

    /// <summary>
    /// The similarity of the nearest out-of-scope example when it is as near as the nearest spa task (within
    /// <see cref="ElsewhereAsNearWithin"/>), for the message, or for the message without its day and time; else null.
    /// </summary>
    private double? ElsewhereAsNear(string prepared, bool hasWhen)
    {
        if (_classifier.MeaningOfPrepared(prepared) is { } wanted && wanted.NearestElsewhere >= wanted.NearestSpaTask - ElsewhereAsNearWithin)
        {
            return wanted.NearestElsewhere;
        }
        return hasWhen && WithoutWhen(prepared) is { } thing && Tokenizer.Tokenize(thing).Count >= 4
            && _classifier.MeaningOfPrepared(thing) is { } bare && bare.NearestElsewhere >= bare.NearestSpaTask - ElsewhereAsNearWithin
            ? bare.NearestElsewhere
            : null;
    }

    /// <summary>
    /// True when another business or thing is what the question is about, not where the spa is ("is the dmv open on
    /// mondays", "how do i cancel my gym membership", "what's the wifi password at the library"): nobody speaks to the spa
    /// (no "you", "your", "the spa") and the other place is still named once the places the spa may be near are set aside
    /// ("is there parking near the hilton" is the spa's parking; "is there a hotel close to the mission location" names a
    /// place of the spa's, so it is not asked here). Round 24: the spa's hours, cancellation policy and wifi
    /// answered those.
    /// </summary>
    private bool ElsewhereIsTheSubject(string normalized, string lowered) =>
        !SpokenToTheSpa().IsMatch(lowered) && AboutElsewhere?.Invoke(NearAPlace().Replace(normalized, " ")) == true;

    [GeneratedRegex(@"\b(?:you|your|yours|u|ur|yall|ya|youre|the\s+spa|this\s+spa|this\s+place|here)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpokenToTheSpa();

    // A place named as where something is ("near the hilton", "across from walgreens"), with up to three words of its name.
    [GeneratedRegex(@"\b(?:near|nearby|by|next\s+to|close\s+to|across\s+(?:from|the\s+street\s+from)|around|behind|beside|opposite|from|walking\s+distance\s+(?:of|from))\s+(?:the\s+|a\s+|an\s+|my\s+)?(?:[a-z0-9']+\s+){0,2}[a-z0-9']+", RegexOptions.CultureInvariant)]
    private static partial Regex NearAPlace();

    /// <summary>
    /// True when a question with no spa word in it ("my toes", "leave my car") and no request for a person is nearer in
    /// meaning to a request to another business than to every example of a spa task.
    /// </summary>
    private bool NearerElsewhereThanTheSpa(string normalized, string lowered, string prepared) =>
        EverydayWords.SpaWordsIn(normalized).Count == 0 && !AsksForPerson().IsMatch(lowered)
        && _classifier.MeaningOfPrepared(prepared) is { } meaning && meaning.NearestElsewhere > meaning.NearestSpaTask;

    /// <summary>The prepared text without its day and time and the little words before them ("a tee time for sunday morning" → "a tee time"); null when it had none.</summary>
    private static string? WithoutWhen(string prepared)
    {
        var bare = WhenPlaceholder().Replace(prepared, " ");
        return bare.Length == prepared.Length ? null : string.Join(' ', bare.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A question about a product (which to buy or use, the best one), not a treatment: "what is the best sunscreen".</summary>
    // "how do i cancel my netflix", "cancel the amazon order": a cancel whose object is a thing of someone else's (the rules'
    // elsewhere list decides that), not an appointment, a treatment or a day ("cancel tomorrow, amazon is delivering" is ours).
    [GeneratedRegex(@"\b(?:cancel\w*|unsubscribe)\s+(?:from\s+)?(?:my|the|our|this|that)\s+(?!(?:appointments?|appts?|bookings?|visits?|reservations?|sessions?|treatments?|massages?|facials?|\d)\b)[a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex CancelOfAThing();

    [GeneratedRegex(@"\b(?:best|better|good|recommend\w*|suggest\w*|should\s+i\s+(?:buy|use|get|wear|try)|which|what)\b.*\b(?:sunscreens?|sun\s+screens?|sunblock|spf|moisturi[sz]ers?|lotions?|serums?|cleansers?|toners?|shampoos?|conditioners?|retinol|skin\s*care\s+products?|products?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProductQuestion();

    [GeneratedRegex(@"(?:\b(?:for|on|at|this|next|by|around|in the)\s+)*\s*\b(?:zzdate|zztime)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WhenPlaceholder();

    // The generic words for a visit to book: they name no service ("consultation" is a service's own word, not one of them).
    [GeneratedRegex(@"\b(?:appointments?|appts?|bookings?|reservations?|sessions?|visits?|(?:time\s+)?slots?|spots?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AppointmentWord();

    // What a request for an appointment says around it: greetings, a yes to what was said, wanting, booking verbs, little
    // words, a provider in general words ("with the therapist", "with them"), the day and time.
    [GeneratedRegex(@"\b(?:hi|hello|hey|hola|yeah|yes|yep|sure|ok|okay|alright|cool|great|perfect|fine|good|sounds|works|um+|uh+|so|well|please|pls|plz|thanks|thank|i'd|i'm|i'll|let's|lets|i|id|im|me|my|we|us|you|u|to|a|an|the|that|this|it|there|then|now|for|in|on|at|of|with|one|new|another|some|sometime|soon|asap|possible|like|want|wanna|would|need|needs|can|could|may|will|do|go|ahead|get|make|book|reserve|arrange|schedule|set|up|just|them|him|her|someone|therapist|provider|zzdate|zztime)\b|[^\p{L}\p{N}\s]", RegexOptions.CultureInvariant)]
    private static partial Regex RequestFiller();

    /// <summary>
    /// True when no words of the match are the service's whole name or one of its aliases (plural or not): "cheeks" for
    /// Cheek Filler, where "cheek filler", "filler" or "Botox" would name the service whole.
    /// </summary>
    private static bool OnlyPartOfAName(string text, ServiceMatch match, ServiceTerm service)
    {
        static string Compact(string s) => new([.. s.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
        static int Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var bareName = service.Name.Split('(')[0];
        var names = service.Aliases.Prepend(bareName).Select(Compact).ToHashSet(StringComparer.Ordinal);
        if (Words(bareName) < 2 || match.Spans.Count == 0)
        {
            return false;
        }
        foreach (var span in match.Spans)
        {
            if (span.End > text.Length)
            {
                return false;
            }
            var said = text.Substring(span.Start, span.Length);
            var compact = Compact(said);
            if (names.Contains(compact) || (compact.EndsWith('s') && names.Contains(compact[..^1])) || Words(said) >= Words(bareName))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The text before the clause that names the person's visit ("when I come in for my facial", "after my massage",
    /// "to my facial"), or null when what is left is too short to be a question.
    /// </summary>
    private static string? WithoutOccasion(string text, int serviceStart)
    {
        var before = TextNormalizer.LowerSameLength(text[..serviceStart]);
        var m = OccasionClause().Match(before);
        if (!m.Success)
        {
            return null;
        }
        var cut = text[..m.Index].TrimEnd(' ', ',');
        return cut.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 ? cut + (text.TrimEnd().EndsWith('?') ? "?" : "") : null;
    }

    [GeneratedRegex(@"[\s,]+(?:(?:when|whenever|after|before|during|while)\b[^,.?!]*|(?:for|to|at|with|on)\s+(?:my|our)\s*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OccasionClause();

    /// <summary>True for a reply of one letter or digit, or of no letters or digits at all (emoji, punctuation).</summary>
    public static bool IsTooShortToConfirm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = text.Count(char.IsLetterOrDigit);
        return letters <= 1;
    }

    private static bool AnswersQuestion(AgentQuestion asked, ContactDetails contact, DateMatch? date, TimePreference? time,
        ServiceMatch services, StaffMatch staff, int? chosen) => asked switch
    {
        AgentQuestion.Name => contact.Name is not null,
        AgentQuestion.Phone => contact.Phone is not null,
        AgentQuestion.Email => contact.Email is not null,
        AgentQuestion.Date => date is not null,
        AgentQuestion.Time => time is not null,
        AgentQuestion.Service => services.Kind != ServiceMatchKind.None,
        AgentQuestion.SlotChoice => chosen is not null,
        _ => false,
    } && staff.Kind != StaffMatchKind.Candidates;

    /// <summary>Which offered slot a reply picks: by position, by time, by day, or by provider.</summary>
    private static int? ChooseSlot(string text, IReadOnlyList<OfferedSlot> slots, DateMatch? date, TimePreference? time,
        SpaVocabulary vocabulary, out TextSpan? ordinalSpan)
    {
        ordinalSpan = null;
        var lower = TextNormalizer.LowerSameLength(text);
        var bare = BareNumber().Match(lower);
        if (bare.Success)
        {
            // "ten sounds good": the hour in words too.
            var hour = NumberWords.Parse(bare.Groups["n"].Value) % 12;
            var minute = bare.Groups["m"].Success ? int.Parse(bare.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (FindSingle(slots, s => s.LocalStart.Hour % 12 == hour && s.LocalStart.Minute == minute) is { } byHour)
            {
                // Offered 1, 2 and 3 PM, "2" is two o'clock, not the second slot; "11 is fine" is the 11 AM one.
                return byHour;
            }
        }
        var m = SlotOrdinal().Match(lower);
        if (m.Success)
        {
            var word = m.Groups["o"].Value;
            var index = word switch
            {
                "first" or "1st" or "one" or "1" or "earlier" or "earliest" => 0,
                "second" or "2nd" or "two" or "2" or "middle" => 1,
                "third" or "3rd" or "three" or "3" => 2,
                _ => slots.Count - 1,
            };
            if (index < slots.Count)
            {
                ordinalSpan = new TextSpan(m.Index, m.Length);
                return index;
            }
        }

        if (time?.Exact is { } t)
        {
            var exact = FindSingle(slots, s => s.LocalStart == t);
            if (exact is not null)
            {
                return exact;
            }

            // "the 3 one" when 3 was read as 15:00 but the slot is 3:30: match the hour on the 12-hour clock.
            var sameHour = FindSingle(slots, s => s.LocalStart.Hour % 12 == t.Hour % 12 && (t.Minute == 0 || s.LocalStart.Minute == t.Minute));
            if (sameHour is not null)
            {
                return sameHour;
            }
        }

        if (date is { Range.IsSingleDay: true } d && FindSingle(slots, s => s.Date == d.Range.Start) is { } byDay)
        {
            return byDay;
        }

        var staff = new StaffMatcher(vocabulary).Match(text);
        if (staff.Person is { } person
            && FindSingle(slots, s => s.StaffName is not null && s.StaffName.Contains(person.Name.Split(' ')[0], StringComparison.OrdinalIgnoreCase)) is { } byStaff)
        {
            return byStaff;
        }

        if (new LocationMatcher(vocabulary).Match(text)?.Location is { } place)
        {
            return FindSingle(slots, s => s.LocationName is not null && s.LocationName.Equals(place.Name, StringComparison.OrdinalIgnoreCase));
        }

        return null;
    }

    private static int? FindSingle(IReadOnlyList<OfferedSlot> slots, Func<OfferedSlot, bool> predicate)
    {
        int? found = null;
        for (var i = 0; i < slots.Count; i++)
        {
            if (predicate(slots[i]))
            {
                if (found is not null)
                {
                    return null;
                }

                found = i;
            }
        }

        return found;
    }

    private static void AddIf(List<TextSpan> spans, TextSpan? span)
    {
        if (span is { Length: > 0 } s)
        {
            spans.Add(s);
        }
    }

    /// <summary>"the day after", "the day before", "the next day", "the following week" relative to the day in play.</summary>
    private static DateMatch? Relative(string text, DateRange inPlay, IReadOnlyList<DateOnly> closures, bool thenIsTheDay = false)
    {
        var m = RelativeDay().Match(TextNormalizer.LowerSameLength(text));
        if (!m.Success || (m.Groups["then"].Success && !thenIsTheDay))
        {
            return null;
        }
        DateRange range;
        if (m.Groups["after"].Success)
        {
            range = DateRange.Day(inPlay.End.AddDays(1));
        }
        else if (m.Groups["before"].Success)
        {
            range = DateRange.Day(inPlay.Start.AddDays(-1));
        }
        else if (m.Groups["same"].Success || m.Groups["then"].Success)
        {
            // "can I get a massage then" after the hours for tomorrow: the day talked about.
            range = inPlay;
        }
        else if (m.Groups["later"].Success)
        {
            range = new DateRange(inPlay.Start.AddDays(7), inPlay.End.AddDays(7));
        }
        else
        {
            var monday = DateExpressionParser.WeekStart(inPlay.Start).AddDays(7);
            range = new DateRange(monday, monday.AddDays(6));
        }
        return new DateMatch(range, new TextSpan(m.Index, m.Length), [.. closures.Where(range.Contains).Distinct().Order()]);
    }

    private static void AddMark(List<SlotMark> marks, TextSpan? span, SlotKind kind)
    {
        if (span is { Length: > 0 } s && !marks.Any(m => m.Span.Overlaps(s)))
        {
            marks.Add(new SlotMark(s, kind));
        }
    }

    [GeneratedRegex(@"\b(?:the\s+)?(?<o>first|1st|second|2nd|third|3rd|last)(?:\s+(?:one|option|slot|time|choice))?\b|\bthe\s+(?<o>earlier|earliest|later|latest|middle)\b|\b(?<o>earliest|latest)\s+(?:one|option|slot|time)\b|\b(?:whichever|whatever)(?:\s+one)?\s+(?:is\s+)?(?<o>earliest|latest)\b|\b(?:option|number|no\.?|#)\s*(?<o>[1-3]|one|two|three)\b|^\s*(?<o>[1-3]|one|two|three)\s*[.!]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlotOrdinal();

    [GeneratedRegex(@"^\s*(?:(?:ok(?:ay)?|hold\s+on|hang\s+on|hmm+|um+)[,.!\s]+)*(?:actually|no\s+wait|wait|sorry,?\s+i\s+meant|i\s+meant|oops|scratch\s+that|make\s+(?:it|that)\b|change\s+(?:it|that)\s+to|instead\b|how\s+about\b|what\s+about\b|(?:can|could)\s+(?:we|you|i)\s+(?:do|make\s+it)\b)|\binstead\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CorrectionCue();

    [GeneratedRegex(@"\b(?:(?<after>(?:the\s+)?day\s+after(?!\s+(?:tomorrow|next))|(?:the\s+)?(?:next|following)\s+day|a\s+day\s+later)|(?<before>(?:the\s+)?day\s+before(?!\s+yesterday)|(?:the\s+)?previous\s+day|a\s+day\s+earlier)|(?<later>a\s+week\s+later|(?:the\s+)?same\s+day\s+(?:the\s+)?(?:next|following)\s+week)|(?<week>the\s+(?:following|next)\s+week|the\s+week\s+after)|(?<same>(?:on\s+)?that\s+day|(?:the\s+)?same\s+day(?!\s+(?:the\s+)?(?:next|following)))|(?<then>then(?=\s*[?.!]*\s*$)))\b", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDay();

    /// <summary>
    /// The first and last name around a provider match, when they are not that provider's own full name: "Maya Patel"
    /// (two providers' names), "sofia reyes here", "Tom Reyes", "Kenji Sato". The neighbour must be another provider's
    /// name part, or a capitalised word (as people write names); everyday words ("with maya please") never are.
    /// </summary>
    private static string? PersonNameAround(string text, string masked, StaffMatch staff, SpaVocabulary vocabulary, bool contactContext)
    {
        var span = staff.Span;
        if (span.Length == 0 || span.End > text.Length || text[span.Start..span.End].Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }
        var word = text[span.Start..span.End];
        var meant = staff.Staff.Count == 1 ? staff.Staff[0].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var parts = vocabulary.Staff.SelectMany(p => p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(x => x.TrimEnd('.').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var before = WordBefore(masked, span.Start);
        var after = WordAfter(masked, span.End);
        string? Pair(string? other, bool otherFirst)
        {
            if (other is null || other.Length < 2 || !other.All(c => char.IsLetter(c) || c is '-' or '\'') || NotNames.Contains(other.ToLowerInvariant()))
            {
                return null;
            }
            var lowerOther = other.ToLowerInvariant();
            if (meant.Any(x => x.Equals(other, StringComparison.OrdinalIgnoreCase)))
            {
                return null; // "Maya Chen": the provider's own full name
            }
            // Beside a phone number or an e-mail, or when a name or a number is asked, a pair typed without capitals is a
            // name too ("jordan hart 4155550151"): nobody asks for a provider by a first name and a stranger's last name.
            var looksLikeName = parts.Contains(lowerOther) || (char.IsUpper(other[0]) && (otherFirst || char.IsUpper(word[0])))
                || (contactContext && !otherFirst && !ContactExtractor.IsNotAName(lowerOther));
            if (!looksLikeName)
            {
                return null;
            }
            var first = otherFirst ? other : word;
            var last = otherFirst ? word : other;
            return Title(first) + " " + Title(last);
        }
        return Pair(before, otherFirst: true) ?? Pair(after, otherFirst: false);
    }

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "with", "and", "or", "on", "at", "for", "please", "pls", "plz", "is", "are", "was", "be", "the", "a", "an", "to", "by", "from",
        "see", "prefer", "want", "like", "book", "booked", "available", "free", "works", "work", "does", "do", "can", "could", "would",
        "if", "not", "no", "yes", "ok", "okay", "again", "only", "instead", "then", "there", "here", "this", "that", "who", "hi", "hello", "hey",
        "thanks", "thank", "i", "im", "i'm", "me", "my", "it's", "its", "name", "called", "as", "usual", "last", "time", "next", "same",
        "actually", "maybe", "today", "tomorrow", "morning", "afternoon", "evening", "one", "slot", "time", "sure", "great", "good", "fine",
        "it", "in", "of", "so", "but", "just", "any", "anyone", "who's", "whos", "what", "when", "where", "how", "which", "perfect", "perfectly",
    };

    private static string Title(string w) => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant();

    private static string? WordBefore(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }
        var end = i + 1;
        while (i >= 0 && (char.IsLetter(text[i]) || text[i] is '-' or '\''))
        {
            i--;
        }
        return end - (i + 1) > 0 ? text[(i + 1)..end] : null;
    }

    private static string? WordAfter(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
        var start = i;
        while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '-' or '\''))
        {
            i++;
        }
        return i > start ? text[start..i] : null;
    }

    [GeneratedRegex(@"^\s*(?:(?:ok(?:ay)?|um+|uh+|hmm+|ugh+|oops|wait|yes|yeah|yep|yup|yea|sure|alright|so|lets|let's|let us|actually|no|maybe|oh|hi|how\s+about|what\s+about|can\s+we\s+do|could\s+we\s+do|make\s+it|i'?ll\s+take|i'?d\s+like)[,\s]+)*(?:do\s+|at\s+|the\s+)?(?<n>1[0-2]|[1-9]|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::(?<m>[0-5][0-9]))?\s*(?:am|pm|o'?clock)?(?:\s+(?:one|is\s+(?:fine|good|great|perfect|better)|works(?:\s+for\s+me)?|please|pls|plz|then|instead|actually|sorry|sounds\s+good|would\s+be\s+(?:great|good|better|perfect)|is\s+best|with\s+[a-z]+|is\s+perfect|thanks|thank\s+you|thx|ty|better|i\s+guess|i\s+think|i\s+suppose|maybe|probably|if\s+(?:that'?s|it'?s)\s+(?:ok(?:ay)?|possible|free|open)))*\s*[.!?,]*(?:[\s,]*(?:this\s+is|it'?s|i'?m|my\s+name\s+is|name'?s|my\s+(?:cell|mobile|phone|number)(?:\s+(?:number|no\.?|#))?(?:\s+is)?|(?:you\s+can\s+)?(?:reach|text|call)\s+me\s+(?:at|on)))?[\s,]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    private static int? ShiftOf(Match m)
    {
        var amount = m.Groups["amount"].Value.Trim();
        var unit = m.Groups["unit"].Value;
        double n = amount switch
        {
            "" or "a" or "an" or "one" or "1" or "next" or "following" => 1,
            "half an" or "half a" => 0.5,
            "an hour and a half" => 1.5,
            "two" or "2" => 2,
            "three" or "3" => 3,
            "fifteen" or "15" => 15,
            "thirty" or "30" => 30,
            "forty five" or "forty-five" or "45" => 45,
            "twenty" or "20" => 20,
            _ => double.TryParse(amount, System.Globalization.CultureInfo.InvariantCulture, out var x) ? x : 0,
        };
        // "push it back a day", "a week later": whole days keep the time of day.
        var minutes = unit[0] switch { 'h' => n * 60, 'd' => Math.Round(n) * 24 * 60, 'w' => Math.Round(n) * 7 * 24 * 60, _ => n };
        if (minutes <= 0 || minutes > (unit[0] is 'd' or 'w' ? 14 * 24 * 60 : 12 * 60))
        {
            return null;
        }
        var earlier = m.Groups["dir"].Value is "earlier" or "forward" or "sooner" or "up";
        return (int)(earlier ? -minutes : minutes);
    }

    [GeneratedRegex(@"\b(?:(?<amount>an?|one|two|three|half\s+an?|1|2|3|15|20|30|45|fifteen|twenty|thirty|forty[\s-]five)\s*(?<unit>hours?|hrs?|minutes?|mins?|days?|weeks?)\s+(?<dir>later|earlier|sooner|back|forward)|(?:push|move|bump|bring|shift)\s+(?:it|that|my(?:\s+\w+){1,3}?|the(?:\s+\w+){1,3}?)?\s*(?<dir>back|forward|up)\s+(?:by\s+)?(?<amount>an?|one|two|half\s+an?|1|2|15|20|30|45|fifteen|twenty|thirty|forty[\s-]five)\s*(?<unit>hours?|hrs?|minutes?|mins?|days?|weeks?))\b|(?:push|move|bump|shift)\s+(?:it|that|my\s+\w+)\s+by\s+(?<amount>an?|one|half\s+an?|1|15|20|30|45|fifteen|twenty|thirty|forty[\s-]five)\s*(?<unit>hours?|hrs?|minutes?|mins?)\W{0,4}(?:(?:like|i\s+mean|so)\s+)?(?<dir>later|earlier|sooner)\b|\bsame\s+time\s+(?:the\s+)?(?<amount>next|following)\s+(?<unit>week)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShiftCue();

    [GeneratedRegex(@"\b(?:person|human|someone|somebody|staff|manager|owner|representative|agent|real|receptionist|team)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsksForPerson();

    // A greeting in front of a question: "hi, ", "hello there! ", "good morning - ".
    [GeneratedRegex(@"^\W*(?:hi|hello|hey|hiya|howdy|hola|good\s+(?:morning|afternoon|evening))(?:\s+there)?\b[\s,.!:;-]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GreetingHead();

    // The parts of a visit one gets ready for: asked of one's own appointment, the FAQ's, not the appointment's.
    private static readonly HashSet<string> GettingReady = new(StringComparer.Ordinal)
    {
        "bring", "wear", "early", "parking", "prepare",
        // round 19: "can i wear makeup to my appointment", "do i need an id for my appointment"
        "comeas", "beforeafter", "member", "referral", "id", "clearance", "forms", "waiver",
    };

    // What coming needs (VisitQuestion's requirement topics): asked before booking, not a booking (round 19).
    private static readonly HashSet<string> Requirements = new(StringComparer.Ordinal) { "member", "referral", "id", "clearance", "forms", "waiver" };

    // Parts of a visit whose words are a service's in another sense ("wet hair", "makeup"): no service is asked for (round 19).
    private static readonly HashSet<string> NoServiceAsked = new(StringComparer.Ordinal) { "comeas", "rules", "beforeafter" };

    // When the person can come: "i can only come after 6", "i can make it after work", "im only free mornings".
    [GeneratedRegex(@"\b(?:i|we)\s+(?:can|could)\s+(?:only\s+)?(?:come(?:\s+in)?|make\s+it(?:\s+in)?|get\s+(?:there|in)|swing\s+by|stop\s+by|do)\b|\b(?:im|i'm|i\s+am|we'?re|we\s+are)\s+(?:only\s+)?(?:free|available|off)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CanComeWhen();

    // An appointment that cannot be kept: "cant make it thursday", "won't be able to come in tomorrow", "can't make my 3pm",
    // "gotta bail on wednesdays facial".
    [GeneratedRegex(@"\b(?:can'?t|cannot|can\s+not|won'?t|will\s+not|not\s+gonna|not\s+going\s+to|unable\s+to|won'?t\s+be\s+able\s+to)\s+(?:make(?:\s+it)?|come(?:\s+in)?|go|be\s+there|attend|keep)\b(?:\s+(?:to|in|on|for))?\s+(?=(?:my|the|our|this|tmrw|tomorrow|today|tonight|mon|tue|wed|thu|fri|sat|sun)\w*\b)|\b(?:gotta|got\s+to|have\s+to|need\s+to|gonna\s+have\s+to)\s+(?:bail|skip)\s+(?:on\s+)?(?=(?:my|the|our|this|tmrw|tomorrow|today|tonight|mon|tue|wed|thu|fri|sat|sun)\w*\b)", RegexOptions.CultureInvariant)]
    private static partial Regex CantMakeIt();

    /// <summary>
    /// "cant make it tmrw, friday?", "no puedo mañana, el viernes?" (round 28): a second day said after the day that cannot be
    /// kept is the day asked for ("can't make my 3pm on friday" names one day only: a cancellation).
    /// </summary>
    private static bool AnotherDayAfter(string lowered, Match cantMakeIt)
    {
        var after = lowered[(cantMakeIt.Index + cantMakeIt.Length)..];
        return DayWord().Match(after) is { Success: true } kept && DayWord().IsMatch(after[(kept.Index + kept.Length)..]);
    }

    /// <summary>
    /// "tomorrow doesn't work anymore, wednesday?", "mañana no puedo, mejor el miércoles" (glossed "tomorrow i can't, actually
    /// wednesday"), "can't do the 24th, how about the 27th?", "not tomorrow, friday?" first thing (round 29): a day that cannot be kept and another day after it,
    /// with nothing being booked, is the person's own appointment moved there.
    /// </summary>
    private static bool DayNotKeptThenAnother(string lowered) =>
        DayThenCannotKeep().Match(lowered) is { Success: true } notKept && DayWord().IsMatch(lowered[(notKept.Index + notKept.Length)..]);

    [GeneratedRegex(@"(?:\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|\btoday|\btomorrow|\btmrw|\btmr|\bthe\s+\d{1,2}(?:st|nd|rd|th))\s+(?:(?:doesn'?t|does\s+not|won'?t)\s+work|no\s+longer\s+works|is\s+(?:out|no\s+good)\b|(?:i|we)\s+(?:can'?t|cannot)(?:\s+anymore)?\s*(?:[,.;!?]|$)|no\s+can\s+i\s*(?:[,.;!?]|$))"
        + @"|\b(?:can'?t|cannot|won'?t)\s+do\s+(?:the\s+\d{1,2}(?:st|nd|rd|th)|tmrw|tomorrow|today|(?:mon|tue|wed|thu|fri|sat|sun)\w*)\b"
        + @"|^\W*(?:(?:no|nah|sorry)\W+)?not\s+(?:the\s+\d{1,2}(?:st|nd|rd|th)|tmrw|tomorrow|today|(?:mon|tue|wed|thu|fri|sat|sun)\w*)\s*[,.;!-]", RegexOptions.CultureInvariant)]
    private static partial Regex DayThenCannotKeep();

    [GeneratedRegex(@"\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?|today|tonight|tomorrow|tmrw|tmr|next\s+week|the\s+\d{1,2}(?:st|nd|rd|th))\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayWord();

    // Another day asked for: "can we do next week", "another day", "reschedule", "move it".
    [GeneratedRegex(@"\b(?:can|could)\s+(?:we|i|you)\s+(?:do|make\s+it|move\s+it|push\s+it|switch|change)\b|\b(?:another|a\s+different|other)\s+(?:day|time)\b|\bresched\w*|\bmove\s+(?:it|that|my)\b|\binstead\b", RegexOptions.CultureInvariant)]
    private static partial Regex AnotherDay();

    // "could i come at 4 instead", "can i do 3:30 instead", "make it 5 instead" (a time, then "instead").
    [GeneratedRegex(@"\b(?:come(?:\s+in)?|get\s+in|do|make\s+it|be\s+there)\s+(?:at\s+|around\s+|for\s+)?(?:[0-9]{1,2}(?::[0-5][0-9])?\s*(?:am|pm)?|noon|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+instead\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimeInstead();

    // A booking asked for outright, for whoever it is: "can i book it as a gift", "book her a prenatal massage".
    [GeneratedRegex(@"\b(?:can|could|may)\s+(?:i|we|you)\s+book\b|\bbook\s+(?:it|that|one|her|him|them|my\s+\w+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BookItForThem();

    // "book my wife a facial", "book my mom in for a massage", "get my boyfriend a massage" (round 34).
    [GeneratedRegex(@"\b(?:book|schedule|get|treat)\s+(?:my\s+(?:mom|mother|mum|wife|husband|partner|girlfriend|boyfriend|sister|brother|daughter|son|friend|bestie|best\s+friend|dad|father|grandma|grandmother|aunt|fianc\w*)|her|him)\s+(?:in\s+for\s+|to\s+)?(?:a|an|some)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BookSomeoneA();

    // "i called earlier about the massage", "i texted yesterday about a facial", "le llamé hace rato por lo del masaje"
    // glossed (round 34).
    [GeneratedRegex(@"\b(?:called|texted|messaged|wrote|was\s+calling|was\s+texting|reached\s+out)\s+(?:you\s+|u\s+|you\s+guys\s+)?(?:earlier|before|yesterday|this\s+morning|last\s+week|a\s+(?:bit|while|little\s+while)\s+ago)\s+(?:about|for|regarding|re|to\s+(?:book|ask\s+about))\b", RegexOptions.CultureInvariant)]
    private static partial Regex CalledBeforeAbout();

    // The occasion a present is for, which is no day to book: "for christmas", "for her birthday".
    [GeneratedRegex(@"\bfor\s+(?:christmas|xmas|the\s+holidays|hanukkah|valentine'?s(?:\s+day)?|mother'?s\s+day|father'?s\s+day|(?:her|his|their|my\s+\w+'?s)\s+birthday|(?:our|their|her|his)\s+anniversary)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GiftOccasion();

    // A present for someone: "as a gift", "a gift for my mom", "gift her a facial".
    // Or a gift card wanted for someone: "i want to get her a gift card", "buy my mom a $100 gift certificate".
    // Round 30: a treat for someone ("i want to treat my mom for her birthday"); not a booking for them ("book a massage for
    // my husband for his birthday" books it).
    [GeneratedRegex(@"\b(?:as|for)\s+an?\s+(?:gift|present|surprise)\b|\b(?:gift|present)\s+for\s+(?:my|a|her|him|them|our)\b|\bgift\s+(?:my|her|him|them)\b"
        + @"|\btreat\s+(?:my\s+(?:mom|mother|mum|wife|husband|partner|girlfriend|boyfriend|sister|brother|daughter|son|friend|bestie|best\s+friend|dad|father|grandma|grandmother|aunt|fianc\w*)|her|him|them)\b"
        + @"|\b(?:get|buy|purchase|give|send|order|grab|pick\s+up)\s+(?:(?:her|him|them|my\s+\w+|someone|a\s+friend)\s+)?(?:a\s+|an\s+|some\s+)?(?:\$?\d+\s+(?:dollar\s+)?)?(?:e-?\s?)?gift\s+(?:cards?|certificates?|vouchers?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GiftFor();

    // Who does the treatments and their credentials: "are your therapists licensed", "the doctors are certified?".
    [GeneratedRegex(@"\b(?:therapists?|doctors?|nurses?|injectors?|estheticians?|providers?|staff|practitioners?|technicians?|techs?)\b[^.?!]{0,30}\b(?:licen[cs]ed|licen[cs]es?|certified|certifications?|board[\s-]certified|trained|training|qualified|qualifications?|credentials?|experienced|experience)\b|\b(?:licen[cs]ed|certified|trained|qualified|experienced)\s+(?:therapists?|doctors?|nurses?|injectors?|estheticians?|providers?|staff)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TeamCredentials();

    // A language a word is said or translated in ("how do you say thank you in swedish", "translate hello into thai"), or
    // a country's food ("a swedish dish i could cook", "any good thai food places"): the nation's name is not a massage.
    [GeneratedRegex(@"\b(?:say|saying|said|translate\w*|spell\w*|pronounce\w*|write|written|word\s+for|mean)\b[^.?!]{0,60}?\b(?:in|into)\s+(?<what>" + Nations + @")\b"
        + @"|\b(?<what>" + Nations + @")\s+(?:cuisine|food|foods|dish|dishes|recipes?|meals?|cooking|restaurants?|meatballs|curry|curries|noodles|takeout|take-out|dinner|lunch|breakfast|pastr(?:y|ies)|desserts?|words?|phrases?|language|lessons?|translations?|people|flag|chef|fish|furniture|krona|crowns?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NationNotAService();

    private const string Nations = "swedish|thai|balinese|hawaiian|japanese|korean|chinese|german|french|italian|portuguese|russian|norwegian|danish|finnish|dutch";

    // The words of a request to come in, whatever the service: booking, openings, a visit, a day or part of one.
    [GeneratedRegex(@"\b(?:book\w*|appoint\w*|appt\w*|sched\w*|reserv\w*|slots?|openings?|open|availab\w*|free|come\s+in|get\s+in|stop\s+by|drop\s+in|walk[\s-]?ins?|spots?|times?|sessions?|visit\w*|treat\w*|services?|procedures?|anything|something|spa|see\s+(?:someone|somebody|a|an)|when|earliest|soonest|next|asap|week\w*|morning|afternoon|evening|cita\w*|turno\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RequestWords();

    [GeneratedRegex(@"\b(?:" + ContactExtractor.CallMeWords + @")\s+(?<w>[\p{L}'’\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallMeBy();

    // A reply of at most five words with a number in it ("the 60 please", "90 one pls"); "0" alone (the operator) is not one.
    [GeneratedRegex(@"^\W*(?=[^0-9]*[1-9])(?:[\w']+\W*){1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortWithNumber();

    // "but" only after "anyone", "anybody", "someone", "whoever", "any of them": "friday but with maya" asks for Maya (round 32).
    [GeneratedRegex(@"\b(?:not|except|instead\s+of|other\s+than|than|(?:any\s?one|any\s?body|some\s?one|some\s?body|whoever|every\s?one|any\s+of\s+(?:them|you)|all)\s+but)\s+(?:with\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NotThisOne();

    [GeneratedRegex(@"\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*\s+or\s+(?<b>(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TwoWeekdays();

    // "… ones and saturday", ", and the one on saturday", " & sat", "and the of saturday" (Spanish "y la del sábado" glossed).
    [GeneratedRegex(@"^\s*(?:ones?\s+|appointments?\s+|appts?\s+)?(?:,\s*)?(?:and|&|\+)\s+(?:the\s+)?(?:ones?\s+)?(?:of\s+|on\s+|for\s+|from\s+)?(?:the\s+)?", RegexOptions.CultureInvariant)]
    private static partial Regex AndAnotherDay();

    [GeneratedRegex(@"\b(?:running\s+(?:\d+\s*(?:min\w*\s+)?)?late|be(?:ing)?\s+(?:\d+\s*(?:min\w*\s+)?)?late|i'?m\s+late|late\s+(?:for|to)\s+(?:my|the|an?)|arriv\w*|check[\s-]?in|my\s+(?:appt|appointment|visit|booking))\b", RegexOptions.CultureInvariant)]
    private static partial Regex AboutAVisit();

    [GeneratedRegex(@"^\s*(?:uh\s+|um\s+|ok\s+)?(?:the\s+|at\s+|around\s+|like\s+|maybe\s+)?(?:1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::[0-5][0-9])?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock|ish)?\s*(?:one|please|pls|is\s+(?:fine|good))?\s*[.!?]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareHour();

    // "can't make it tomorrow", "cannot do the 24th", "won't be able to come in on": right before a day, the day that cannot be kept.
    [GeneratedRegex(@"\b(?:can'?t|cannot|can\s+not|won'?t|will\s+not|not\s+gonna|not\s+going\s+to|unable\s+to|won'?t\s+be\s+able\s+to)\s+(?:make(?:\s+it)?|come(?:\s+in)?|go|be\s+there|do|keep\s+it)\s+(?:on\s+|in\s+|for\s+)?(?:the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CannotKeepBefore();

    // "tomorrow doesn't work", "friday is out", "tomorrow i can't,", "mañana no puedo" (glossed "tomorrow i can't"): right after
    // a day, the day that cannot be kept ("friday i can't do mornings" keeps Friday: only the afternoon is asked).
    [GeneratedRegex(@"^\s*(?:(?:doesn'?t|does\s+not|won'?t|will\s+not)\s+work|no\s+longer\s+works|is\s+(?:out|no\s+good)\b|(?:i|we)\s+(?:can'?t|cannot)(?:\s+anymore)?\s*(?:[,.;!?]|$)|no\s+can\s+i\s*(?:[,.;!?]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex CannotKeepAfter();

    // "no tuesday", "not on the friday": right before the day, it is the day not meant.
    [GeneratedRegex(@"\b(?:no|not)\s+(?:on\s+)?(?:the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NotThisDay();

    [GeneratedRegex(@"\bnext\s+week\b", RegexOptions.CultureInvariant)]
    private static partial Regex NextWeek();

    [GeneratedRegex(@"^\s*(?:first|second|last)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderWord();

    // "same time"; "can i keep tuesday's time but with a different therapist?" (round 36): the appointment's own time kept
    // while something else changes.
    [GeneratedRegex(@"\bsame\s+time\b|\bkeep\s+(?:my\s+|the\s+|(?:[a-z]+day|tomorrow)'?s\s+)time\s+but\b", RegexOptions.CultureInvariant)]
    private static partial Regex SameTimeCue();

    [GeneratedRegex(@"\b(?:me\s+(?:and|n|&)\s+(?:my|a)\s+\w+|\w+\s+and\s+(?:i|me)\b|both\s+of\s+us|(?:two|three|2|3)\s+of\s+us|side\s+by\s+side|couples?\b|together|\b(?:me|i\s+(?:want|need|would\s+like|d\s+like)|i'?d\s+like)\s+(?:an?|one|the)\s+(?:\w+\s+){1,3}?and\s+(?:for\s+)?my\s+\w+\s+(?:an?|one|the)\s+\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex TogetherCue();

    // "to saturday" right after the day, or after a few words naming the appointment or asking ("my tuesday massage to
    // friday", "del martes, can you move it to saturday" as glossed); never across "and" / "but" / "also" / "then".
    // "… to tuesday" / "for next friday": the day said is where the move goes, not the appointment's.
    [GeneratedRegex(@"\b(?:to|for|till|until|into|onto)\s+(?:(?:the|this|next|a)\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetBefore();

    // A comma may part the words ("the one on friday afternoon, over to monday"), and a sentence's end ("tengo un facial el
    // martes. muévela al viernes", read "… on tuesday. move it to friday").
    // "push tmrw's facial to fri": the appointment named by its day's possessive, then where it goes.
    [GeneratedRegex(@"\G(?:'s\b)?(?:[\s,.!;]+(?!(?:and|but|also|then|or|at|on)\b)[a-z']+){0,5}?[\s,.!;]*(?:to|till|until|into|for)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex MoveTarget();

    // "the tuesday one to saturday", "the friday appt to monday": an appointment named by its day, and where it goes.
    [GeneratedRegex(@"\G\s+(?:one|appt|appointment|booking)\s+(?:to|till|until|for)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex TheDayOneTo();

    [GeneratedRegex(@"^(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayOnly();

    [GeneratedRegex(@"(?<=[,.;!]\s*)[^,.;!]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LastClause();

    [GeneratedRegex(@"\b(?:(?:earlier|later)\s+(?:that|the\s+same|in\s+the)\s+day|same\s+day|that\s+day)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SameDayCue();

    /// <summary>An add-on to a booked treatment, as the FAQ is asked it (its entries, then the team).</summary>
    private const string AddOnQuestion = "can i add something to my booking?";

    /// <summary>An hours question as the FAQ tool is asked it (a day it names goes as its date).</summary>
    public const string HoursQuestion = "When are you open?";

    /// <summary>What an arrival question about one's own visit asks the FAQ ("when should we get there for our 2pm massage?").</summary>
    public const string ArrivalQuestion = "How early should I arrive?";

    // A reason for a time, with a time of its own: "because i get off at 2:30", "since i work till 5", "cuz i pick up the kids at 3".
    [GeneratedRegex(@"\b(?:because|cause|cuz|coz|bc|since)\s+(?:i|we)\s*(?:'m|am)?\s+(?:get\s+off|finish|leave|work|working|have\s+(?:work|class|a\s+meeting)|busy|pick\s+up)\b[^.,;!?]*", RegexOptions.CultureInvariant)]
    private static partial Regex ReasonClause();

    // "that day" on its own, not "later that day" nor "the same day".
    [GeneratedRegex(@"(?<!\b(?:earlier|later)\s+)\bthat\s+day\b", RegexOptions.CultureInvariant)]
    private static partial Regex ThatDayAlone();

    // "can u add a scalp massage onto my facial tmrw?", "could you add a mask to my hydrafacial", "could you tack on a hand
    // massage to my hydrafacial sat": something added to a treatment the person has booked.
    // Matched without backtracking (linear in the text): the source-generated form of this pattern backtracked for seconds
    // on "add a new friend named luis" (found by the round-13 probes; a turn must never hang on a regular expression).
    private static readonly Regex AddOnToOwnPattern = new(
        @"\b(?:add|tack|throw)\s+(?:on\s+|in\s+)?(?<add>(?:(?:a|an|some|the)\s+)?(?:[a-z'-]+\s+){0,3}?)(?:on\s*to|onto|to|on|a)\s+my\s+(?<own>[a-z-]+)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static Regex AddOnToOwn() => AddOnToOwnPattern;

    // A home to rent or buy: "an apartment near the marina", "studios for rent", "a 2 bedroom", "un departamento".
    [GeneratedRegex(@"\b(?:apartments?|condos?|departamentos?|apartamentos?|sublets?|sublease)\b|\b(?:studios?|rooms?|houses?|homes?|places?)\s+(?:for|to)\s+(?:rent|lease|sale)\b|\b(?:[1-5]|one|two|three|four)[\s-]?(?:bed(?:room)?s?|br|bd)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HomeToRent();

    // Whether a train or a bus is running, asked as news: "is the bart running late today", "are the trains delayed".
    [GeneratedRegex(@"^\W*(?:is|are|was|were|has|have)\s+(?:the\s+)?(?:bart|muni|caltrain|amtrak|subway|metro|trains?|bus|buses|ferry|ferries|light\s+rail|\d+\s*(?:bus|line)?)\s+(?:\w+\s+)?(?:running|delayed|late|on\s+time|down|working|stopped|canceled|cancelled)\b[^.?!]*[.?!]*\s*$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TransitNews();

    // The way here asked: how to get to the spa, or how far it is from somewhere.
    [GeneratedRegex(@"\bhow\s+(?:do|can|would|should|will)\s+(?:i|we)\s+get\s+to\s+(?:you|u|y'?all|you\s+guys|the\s+spa|your\s+(?:place|spa|office|location))\b"
        + @"|\bhow\s+(?:do|can|would|should|will)\s+(?:i|we)\s+get\s+there\s+from\b|\bhow\s+far\s+(?:are|r|is)\s+(?:you|u|y'?all|you\s+guys|the\s+spa|your\s+(?:place|spa|office))\s+from\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WayHere();

    // The spa's address or whereabouts asked ("what's your address", "where are you located", the Spanish read into English).
    [GeneratedRegex(@"\baddress\b|\bdirecci[oó]n\b|\blocated\b|\bubicad[oa]s?\b|\bwhere\s+(?:are|r)\s+(?:you|u|y'?all|you\s+guys)\b|\bd[oó]nde\s+(?:est[aá]n|quedan)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Whereabouts();

    // Where the person is coming from: "i'm coming from the airport", "driving in from oakland", "vengo del aeropuerto".
    [GeneratedRegex(@"\b(?:coming|driving|heading|walking|riding|flying|commuting|biking)\s+(?:in\s+|over\s+|up\s+|down\s+|out\s+)?from\b|\b(?:vengo|voy|venimos|vamos)\s+(?:de|del|desde|from|of)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FromSomewhere();

    // "when does X open", "what time does X close": whose hours are asked.
    [GeneratedRegex(@"\b(?:when|what\s+time|wat\s+time|what\s+hours?)\s+(?:does|do|is|will)\s+(?<whose>(?:[a-z'&.-]+\s+){1,4})(?:open|opens|close|closes|shut|shuts)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OpenOrCloseOf();

    // A room or amenity a spa may have, whose hours are the spa's to answer or pass on ("when does the sauna open").
    [GeneratedRegex(@"\b(?:sauna|steam\s+room|pool|jacuzzi|hot\s+tub|gym|locker\s+rooms?|lounge|relaxation\s+room|boutique)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AmenityWord();

    // The spa itself, however said, as whose hours are asked: "you guys", "the spa", "the front desk", "your place", "it".
    [GeneratedRegex(@"^(?:the\s+|your\s+|ur\s+)?(?:you|u|ya|y'?all|you\s+guys|you\s+all|u\s+guys|spa|med\s+spa|front\s+desk|reception|desk|office|place|clinic|it|location|phones?|phone\s+line)$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OursToOpen();

    // Room for the people themselves, asked of us: "is there room for two of us", "do you have space for me", "any room for a couple".
    private const string RoomForPeople = @"\b(?:is\s+there|do\s+(?:you|u)\s+(?:guys\s+)?have|got|have\s+(?:you|u)\s+got|any)\s+(?:\w+\s+)?(?:room|space)\s+for\s+(?:two|2|three|3|four|4|me|us|one\s+more|(?:the\s+)?(?:two|both|three)\s+of\s+us|a\s+couple)\b";

    // Openings asked for: "got any last minute spots", "any availability", "any appts", "do you have openings", "spots open",
    // "room for two of us" (the Spanish "tienen espacio" arrives as "do you have openings"). Not the opening hours
    // ("openings hours"), a parking spot nor a spot on the skin.
    [GeneratedRegex(@"\bany\s+(?:[a-z-]+\s+){0,2}?(?:spots?|slots?|openings?|availability|appointments?|appts?)\b"
        + @"|\b(?:openings?|availability)\b(?!\s+hours?\b)|\b(?<!(?:parking|dark|sun|age|brown|red)\s)(?:spots?|slots?)\s+(?:open|left|available|free)\b"
        // Round 30: "book me whatever is open first thing monday", "whatever you have free tomorrow".
        + @"|\b(?:whatever|anything|something)(?:\s+is|'s|\s+(?:you|u)\s+(?:have|got))?\s+(?:open|available|free)\b"
        + "|" + RoomForPeople,
        RegexOptions.CultureInvariant)]
    private static partial Regex OpeningsAsked();

    // Room for the people themselves, asked of us ("is there room for two of us friday evening"): no other thing asked for, so
    // whatever its words are near in meaning (a table for two), the visit is here. "any openings for a piano lesson" names its
    // thing; "a house with enough room for 3 people" is not asked of us.
    [GeneratedRegex(RoomForPeople + @"(?!\s+(?:at|in)\s+(?:the|a)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex RoomForUs();

    // A please right after the service: "deep tissue pls", "a facial please".
    [GeneratedRegex(@"^\W*(?:pls|plz|please|por\s+favor|xfa|porfa)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PleaseAfter();

    // A party that is a group ("bachelorette party", "bridal party"), or a group of three or more for the spa's services (a
    // couple is the FAQ's; "a party of 5 at the escape room" is somewhere else).
    [GeneratedRegex(@"\b(?:bachelorette|bridal|hen)\s+(?:party|group)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GroupParty();

    [GeneratedRegex(@"\bfor\s+(?:[3-9]|1\d|three|four|five|six|seven|eight|nine|ten|a\s+group\s+of)\s+(?:\w+\s+)?(?:people|persons|of\s+us|guests|girls|ladies|friends|women|guys)\b|\bgroup\s+(?:booking|of\s+\d+)\b|\bparty\s+of\s+(?:[3-9]|1\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GroupOfPeople();

    // The generic words of a visit here (a service's own words are found by the service matcher, from the profile).
    [GeneratedRegex(@"\b(?:spa|treatments?|pampering)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpaWord();

    // The visit topics that are the spa's own matters whatever the classifier makes of their words (VisitQuestion).
    // Two or three people said as people, opening the message (round 32: "2 ppl sat 3pm"), with nothing of a table, seats,
    // tickets or a reservation (restaurant and theatre language: "two seats", "a reservation for 2 people friday at 8").
    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello)\W+)?(?:for\s+)?(?:two|2|three|3)\s+(?:people|persons|ppl|of\s+us)\b(?!.*\b(?:reserv\w*|tables?|seats?|tickets?|booths?|dinner|lunch|brunch|flights?|rooms?)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SomePeople();

    // A caller checking the line, "u" for "you" (round 32): "can u hear me", "hello?? can u hear me", "r u still there", "u there?".
    [GeneratedRegex(@"^\W*(?:(?:hello|hi|hey|um+|uh+)\W+)*(?:(?:can|do|could)\s+(?:you|u|ya)\s+hear\s+me|(?:are|r)\s+(?:you|u|ya)\s+(?:still\s+)?there|(?:you|u)\s+(?:still\s+)?there)(?:\s+(?:now|ok|okay|or\s+not))?\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex LineChecked();

    // The earliest or latest opening asked of the spa itself ("whats the earliest u have", "earliest you got?", "latest slot you
    // can do"), not the earliest train, shuttle or flu shot (round 32).
    [GeneratedRegex(@"\b(?:earliest|latest|soonest)\s+(?:(?:you|u|ya|y'?all)\s+(?:guys\s+)?(?:have|got|can|could|do)\b|(?:opening|slot|spot|availability|appointment|appt)s?\b(?!\s+(?:for|at|to|on)\s+(?:the|a|an|my)\s+(?!spa\b)))", RegexOptions.CultureInvariant)]
    private static partial Regex EdgeOpeningAsked();

    // The opening hours' words: "what's the earliest you open" is the hours, not the earliest opening (round 32).
    [GeneratedRegex(@"\b(?:open|opens|opening\s+time|close|closes|closing|hours)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HoursWord();

    // Round 32 adds someone along, what to wear or take off, what to bring, a review, a confirmation not received and one's points.
    private static readonly HashSet<string> SpasOwnTopics = ["premises", "languages", "advance", "bike", "refreshments", "along", "wear", "bring", "review", "confirmation", "points"];

    // Which of two days one's own appointment is on (round 31): "did i book for tuesday or wednesday", "was my facial tuesday
    // or wednesday", "is my appt thurs or fri".
    [GeneratedRegex(@"\b(?:did\s+i\s+(?:book|schedule|sign\s+up)(?:\s+\w+){0,3}?|(?:is|was)\s+my(?:\s+\w+){1,2}?)\s+(?:on\s+|for\s+)?(?:this\s+|next\s+)?(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\s+or\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhichOfMyDays();

    // Work sought at the spa (round 31): "are you hiring", "do you need any massage therapists", "looking for a job as an
    // esthetician", "i'd like to drop off my resume", Spanish as glossed or as written ("estan contratando", "busco trabajo").
    [GeneratedRegex(@"\b(?:are|r)\s+(?:you|u|y'?all)\s+(?:guys\s+)?(?:hiring|looking\s+for\s+(?:staff|help|people|therapists?|estheticians?))\b|\b(?:do|does)\s+(?:you|u|y'?all)\s+(?:guys\s+)?need\s+(?:any\s+|an?\s+|more\s+|another\s+)?(?:massage\s+therapists?|therapists?|estheticians?|aestheticians?|nurses?|injectors?|staff|help|receptionists?|front\s+desk\s+(?:help|staff))\b|\b(?:looking\s+for|need|want|searching\s+for)\s+(?:a\s+)?(?:job|work|employment|position)\b|\b(?:drop\s+off|send|submit|bring)\s+(?:in\s+)?(?:my|a)\s+(?:resume|cv|application)\b|\bapply\s+(?:for\s+(?:a|the)\s+(?:job|position)|to\s+work)\b|\bjob\s+(?:openings?|opportunities|application)\b|\b(?:estan|estas)\s+contratando\b|\bbusc(?:o|ando)\s+(?:trabajo|empleo)\b|\bbuscan\s+personal\b", RegexOptions.CultureInvariant)]
    private static partial Regex WorkSought();

    // Something left behind at the spa (round 31): "i think i left my earrings in the locker room", "forgot my scarf there",
    // Spanish as written ("olvide mis lentes ahi", "deje mi anillo en el vestidor").
    [GeneratedRegex(@"\b(?:left|forgot|lost)\s+(?:my|a|her|his|our)\s+(?:\w+\s+){0,2}?(?:there|at\s+(?:the\s+)?spa|at\s+(?:your|ur)\s+(?:place|spa|location)|in\s+(?:the\s+)?(?:locker|treatment|changing|relaxation|steam|massage|facial|dressing|waiting)(?:\s*(?:room|rooms|area))?|in\s+(?:the\s+)?lobby|in\s+(?:your|ur)\s+\w+|behind\s+(?:at\s+(?:your|the)|there|yesterday|today|after))\b|\b(?:olvide|deje|perdi)\s+(?:mis?|el|la|los|las|un|una)\s+(?:\w+\s+){0,2}?(?:ahi|alla|alli|en\s+(?:el|la|los|las|su))\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeftBehind();

    // Whether the spa opens through bad weather or a power cut (round 31): "the power is out are you still open", "is the spa
    // open today with the storm", "estan abiertos con la tormenta". Only the team knows on the day.
    [GeneratedRegex(@"\b(?:open|opened|abiertos?|closed|closing|cerrados?|cerrando)\b(?:\s+\w+){0,6}?\s+(?:storm|snow|snowstorm|blizzard|ice|icy|hurricane|flood|flooding|fire|fires|smoke|power|outage|weather|tormenta|nieve|lluvia|huracan|incendio|apagon|inundacion)\b|\b(?:storm|snow|snowstorm|blizzard|hurricane|flood|fire|smoke|power\s+(?:is\s+|went\s+)?out|outage|tormenta|nieve|huracan|apagon)\b(?:\s+\w+){0,6}?\s+(?:open|abiertos?|closed|cerrados?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OpenDespite();

    // A group's gathering (round 31): a birthday, friends or girls together, Spanish as written; a company's day (round 33).
    [GeneratedRegex(@"\b(?:birthday|bday|cumplea[nñ]os|friends|amigas|amigos|girls|ladies|chicas|girls?\s+(?:day|night|trip|weekend)|corporate|coworkers|co-workers|employees|team[\s-]?building|wellness\s+days?|staff\s+(?:day|outing|retreat)|company\s+(?:day|outing|retreat|event))\b", RegexOptions.CultureInvariant)]
    private static partial Regex GroupGathering();

    // Whether "you" (the spa) open, not a park or a store ("are the trails at the state park open after the storm").
    [GeneratedRegex(@"\b(?:you|u|y'?all|ya|spa|estan|ustedes)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OpenAskedOfUs();


    // The whole spa for a private event (round 31): "can i book the whole spa for a private event", "rent out the spa".
    [GeneratedRegex(@"\b(?:whole|entire)\s+(?:spa|place|location)\b|\bprivate\s+(?:event|party|parties|events)\b|\bbuy\s*-?\s*out\b|\brent\s+(?:out\s+)?(?:the|your)\s+(?:spa|place)\b|\b(?:corporate|company|office|team)\s+(?:event|outing|party|retreat|building)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WholePlaceBooked();

    // Praise and nothing else (round 31): "just wanted to say sarah is the best", "maya is amazing", "jordan did an amazing job
    // yesterday", Spanish as glossed or written ("priya es la mejor").
    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|hola|so|omg|just\s+wanted\s+to\s+say|i\s+just\s+wanted\s+to\s+say|i\s+wanted\s+to\s+say|just\s+want\s+to\s+say|wanted\s+to\s+say|just\s+saying|solo\s+queria\s+decir)\W+)*(?:that\s+)?\w+\s+(?:is|was|s|has\s+been|es|fue)\s+(?:so\s+|truly\s+|really\s+|absolutely\s+|just\s+|the\s+absolute\s+|simply\s+|muy\s+)?(?:the\s+best|amazing|awesome|incredible|wonderful|fantastic|the\s+greatest|a\s+gem|a\s+star|la\s+mejor|el\s+mejor|increible|lo\s+maximo|un\s+amor)(?:\s+\w+){0,3}?\W*$|^\W*\w+\s+did\s+(?:an?\s+|such\s+an?\s+|the\s+most\s+)?(?:amazing|great|awesome|fantastic|wonderful|incredible|excellent)\s+job\b(?:\s+\w+){0,4}?\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex PraiseOnly();

    // "my appointment", "i have an appt": the person's own.
    [GeneratedRegex(@"\b(?:my|our|mine)\b|\bi\s+(?:have|had|booked)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OwnAppointmentWord();

    // The first or last time of days of a kind: "whats ur latest appt on weekdays", "earliest appointment on saturdays".
    [GeneratedRegex(@"\b(?:latest|last|earliest|first)\s+(?:appt|appointment|time|slot|booking|opening)s?\s+(?:on|during|for)\s+(?:weekdays|weekends|week\s+days|week\s+ends|(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EdgeOfTheDay();

    // A booked visit not needed any more: "no longer need the appointment", "please remove my booking".
    // Not a "reservation": a restaurant's word more than a spa's ("i no longer need my reservation with carl at umami").
    [GeneratedRegex(@"\b(?:no\s+longer|don'?t|dont|do\s+not)\s+need\s+(?:the|my|that|this|our)\s+(?:appt|appointment|booking)\b|\b(?:remove|delete|take\s+off)\s+(?:my|the|that|this|our)\s+(?:appt|appointment|booking)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoLongerNeeded();

    // Which of the services named suits a goal: "which facial helps", "which one would you recommend", "what do you recommend".
    // Round 30: "what facial would u recommend", "which peel do you suggest".
    [GeneratedRegex(@"\b(?:which|what)\s+(?:one|[a-z]+)\s+(?:helps?|is\s+(?:best|good|better)|would\s+(?:help|be\s+best|(?:you|u)\s+(?:recommend|suggest))|do\s+(?:you|u)\s+(?:recommend|suggest)|works?\s+best)\b|\bwhat\s+(?:do|would)\s+(?:you|u)\s+recommend\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhichOneHelps();

    // What "add … to my <word>" adds to: an appointment, or a treatment of the menu by a word of its name, alias or kind
    // ("onto my facial"); not "my calendar", "my list", "my phone".
    private static bool IsTreatmentOrVisitWord(string word, SpaVocabulary vocabulary) =>
        word is "appt" or "appointment" or "booking" or "visit" or "session" or "treatment" or "service" or "reservation"
        || vocabulary.Services.Any(s => NameWords(s.Name).Contains(word) || s.Aliases.Any(a => NameWords(a).Contains(word)) || NameWords(s.Category).Contains(word));

    private static string[] NameWords(string name) =>
        name.ToLowerInvariant().Split((char[])[' ', '(', ')', '-', ',', '/', '&'], StringSplitOptions.RemoveEmptyEntries);

    // "can i also get …", "… as well", "and another one": something more than what is booked.
    [GeneratedRegex(@"\b(?:also|as\s+well|in\s+addition|another\s+one)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AlsoWants();

    // "later in the day", "a bit earlier that day", "earlier on the same day": a direction from the appointment's own time.
    [GeneratedRegex(@"\b(?<way>earlier|later)\s+(?:on\s+)?(?:that|the\s+same|in\s+the)\s+day\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayNudgeCue();

    // Round 28: "can we do a bit later like 1" (a reminder answered), "switch me to maya instead", "can sofia do it on friday instead".
    // Round 30: "i need to reschedule but i dont remember what day its on": rescheduling said with no object is one's own.
    [GeneratedRegex(@"\b(?:need|needs|have|got|gotta|want|wanna|gonna|like)\s+(?:to\s+)?reschedule\b|\b(?:move|moving|push|pushing|shift|bump|switch|change|changing|reschedule|rebook)\s+(?:my|the|our|it|that|this|them|both|(?:[a-z]+day|tomorrow|tmrw|tmr|today)'?s)\b(?!\s+(?:clothes|clothing|mind|name|number|phone|email|address|card|password|outfit|last\s+name|first\s+name|maiden\s+name|surname|subscription|plan|diet|routine)\b)|\bmake\s+(?:it|my\s+\w+)\s+(?:an?\s+)?(?:hour|later|earlier|on\b)|\b(?:come|get)\s+in\s+(?:earlier|later)\s+(?:that|the\s+same)\s+day\b|\b(?:come(?:\s+in)?|get\s+in)\s+(?:a\s+(?:bit|little)\s+|an?\s+\w+\s+)?(?:earlier|later|sooner)\b|\b(?:can|could)\s+(?:we|i|you)\s+(?:do|make)\s+(?:it\s+)?(?:a\s+(?:bit|little)\s+|an?\s+\w+\s+)?(?:earlier|later)\b|\b(?:switch|change|move|swap)\s+me\s+(?:over\s+)?(?:to|with)\b|\bdo\s+it\b[^.?!]{0,30}\binstead\b", RegexOptions.CultureInvariant)]
    private static partial Regex ChangeCue();

    /// <summary>
    /// The service meant when a second thought ("sorry", "i meant", "no wait", "oops") after the service said names another
    /// service or another length of it: "… 60 min swedish friday / sorry, 90 min" is the 90. Null when the second thought names
    /// neither, names the same, adds one ("actually also a facial"), or the length is not one of that service's.
    /// </summary>
    private static ServiceMatch? ServiceOnSecondThought(string text, ServiceMatch said, SpaVocabulary vocabulary)
    {
        var loweredText = TextNormalizer.LowerSameLength(text);
        var firstSaid = said.Spans.Count > 0 ? said.Spans[0].Start : int.MaxValue;
        var last = SecondThought().Matches(loweredText).LastOrDefault(m => m.Index > firstSaid);
        if (last is null)
        {
            return null;
        }
        var from = last.Index + last.Length;
        var tail = text[from..];
        if (AddedOnSecondThought().IsMatch(loweredText[from..]) || QuestionAfterSecondThought().IsMatch(loweredText[from..]))
        {
            // "… actually also a facial": added, not replaced; "… sorry, is the deep tissue better for back pain?": a question
            // about another, not a change.
            return null;
        }
        var named = new ServiceMatcher(vocabulary).Match(tail);
        if (named.Kind == ServiceMatchKind.Confident)
        {
            return said.Kind == ServiceMatchKind.Confident && named.Services[0].Id == said.Services[0].Id ? null
                : named with { Spans = [.. named.Spans.Select(x => new TextSpan(x.Start + from, x.Length))] };
        }
        var cues = ReplyCues.Read(tail);
        // The length comes first in what follows ("90 min", "i meant 90", "mejor de 90" read "actually of 90"), not later in a
        // sentence about something else ("sorry i only have 30 min for lunch").
        var minutes = LengthFirst().IsMatch(TextNormalizer.LowerSameLength(tail))
            ? cues.Minutes.FirstOrDefault(m => m >= 20) is > 0 and var length ? length : cues.Numbers.FirstOrDefault(n => n >= 20)
            : 0;
        if (minutes == 0 || said.Kind != ServiceMatchKind.Confident || said.Services[0].DurationMinutes is not { } saidLength || saidLength == minutes)
        {
            return null;
        }
        var words = string.Join(' ', said.Spans.Where(x => x.End <= last.Index).Select(x => text.Substring(x.Start, x.Length)));
        return new ServiceMatcher(vocabulary).Match($"{LengthWords().Replace(words, " ")} {minutes} min") is { Kind: ServiceMatchKind.Confident } sibling
            && sibling.Services[0].DurationMinutes == minutes
            ? sibling with { Spans = said.Spans }
            : null;
    }

    [GeneratedRegex(@"\b(?:thanks?|thx|ty|gracias)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThanksInWords();

    [GeneratedRegex(@"^\W*(?:is|are|do|does|did|can|could|would|should|what|which|how|why)\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionAfterSecondThought();

    // A length in the first few words after a second thought: "90 min", "i meant 90", "the 90 one", "of 90".
    [GeneratedRegex(@"^\W*(?:[a-z']+\W+){0,3}?(?:\d{2,3}|thirty|forty[\s-]?five|sixty|ninety)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LengthFirst();

    // "… actually also a facial", "sorry, and a pedicure too": a second thought that adds a service, not one that replaces.
    [GeneratedRegex(@"\b(?:also|too|as\s+well|plus|both)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AddedOnSecondThought();

    // A length said with the service ("60 min", "90-minute", "sixty"): left out when the service is matched again with another.
    [GeneratedRegex(@"\b\d+\s*-?\s*(?:min(?:ute)?s?|m)?\b|\b(?:thirty|forty[\s-]?five|sixty|ninety)\b|\b(?:min(?:ute)?s?|hours?|hrs?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LengthWords();

    private static bool SpanHasWord(string lowered, TextSpan span, string word) =>
        span.Length > 0 && span.Start + span.Length <= lowered.Length
        && lowered.AsSpan(span.Start, span.Length).ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(word, StringComparer.Ordinal);

    // A call or a message to someone, asked of the assistant: "call aj please", "pls ring my mom", "send kayla a text",
    // "shoot marco a msg", "send a message to tanya", "make a phone call to dave". Not to the person ("call me back", "text
    // my cell", "call back"), nor to someone unnamed ("have someone call me", "text someone") or the spa ("call the spa").
    private const string Someone = @"(?!(?:me|us|you|u|back|the|your|ur|someone|somebody|anyone|anybody|it|this|that|him|her|them|now|later|again|soon|asap|stop|start|help|yes|no|in|at|for|about|when|if|ahead|here|there|a|an|and|or)\b)"
        + @"(?:my\s+(?!(?:cell|cellphone|phone|number|mobile|house|home|work|office|landline|line|email|appointment|appt)\b)[a-z]+|(?!my\b)[a-z]+)\b";

    [GeneratedRegex(@"^(?:(?:hi|hey|hello|ok|okay|so|um|uh|pls|plz|please|can\s+(?:you|u)|could\s+(?:you|u)|would\s+(?:you|u)|will\s+(?:you|u)|i\s+(?:want|need|would\s+like|wanna)(?:\s+(?:you|u))?\s+to|i'?d\s+like(?:\s+(?:you|u))?\s+to|id\s+like(?:\s+(?:you|u))?\s+to|go\s+ahead\s+and)[\s,]+)*"
        + @"(?:(?:call|phone|ring|dial|text|message|msg|facetime)(?:\s+up)?\s+" + Someone
        + @"|(?:send|shoot|write)\s+" + Someone + @"\s+(?:a\s+)?(?:text|message|msg|note|line)\b"
        + @"|(?:send|shoot|write)\s+(?:a\s+)?(?:text|message|msg|note)(?:\s+message)?\s+to\s+" + Someone
        + @"|(?:make|place|start)\s+a\s+(?:phone\s+|video\s+)?call\s+(?:to|with)\s+" + Someone + ")", RegexOptions.CultureInvariant)]
    private static partial Regex MessageForSomeoneElse();

    // Whether a means of payment can be used, asked: "can i use it on …", "does it work for …", "will my gift card cover …".
    [GeneratedRegex(@"\b(?:(?:can|could|may)\s+(?:i|we|u)\s+(?:use|redeem|apply|spend)|(?:does|do|will|would)\s+(?:it|that|this|my|a|the|gift)\b[^.?!]{0,30}\b(?:work|cover|apply|go)\s+(?:for|on|towards?))\b", RegexOptions.CultureInvariant)]
    private static partial Regex CanItPay();

    /// <summary>
    /// Two services named where one is a consultation said of the other ("botox consult", "consultation for botox"): the
    /// consultation; else null. Read from the words between the two mentions, so any business's consultation serves.
    /// </summary>
    private static ServiceTerm? ConsultationFor(ServiceMatch services, string lowered)
    {
        if (services is not { Kind: ServiceMatchKind.Several, Services.Count: 2, Spans.Count: 2 })
        {
            return null;
        }
        var (first, second) = services.Spans[0].Start <= services.Spans[1].Start ? (0, 1) : (1, 0);
        var (a, b) = (services.Spans[first], services.Spans[second]);
        if (b.Start < a.End || b.Start - a.End > 12 || b.End > lowered.Length)
        {
            return null;
        }
        var between = lowered[a.End..b.Start].Trim();
        var firstWords = lowered.Substring(a.Start, a.Length);
        var secondWords = lowered.Substring(b.Start, b.Length);
        return between.Length == 0 && ConsultWord().IsMatch(secondWords) && !ConsultWord().IsMatch(firstWords) ? services.Services[second]
            : between is "for" or "about" or "of" or "de" or "para" && ConsultWord().IsMatch(firstWords) && !ConsultWord().IsMatch(secondWords) ? services.Services[first]
            : null;
    }

    [GeneratedRegex(@"^(?:(?:a|an|the|my|your)\s+)?(?:free\s+)?consult(?:a|ation|ations|s)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex ConsultWord();

    // The person's own record asked about or to be changed: what is on file, a new e-mail or number, deleting their data,
    // a gift card's balance. Words in sequence, no repetition: linear.
    [GeneratedRegex(@"\b(?:what(?:\s+do\s+(?:you|u|y'?all)\s+(?:guys\s+)?have|\s+info(?:rmation)?\s+do\s+(?:you|u)\s+have|\s+is|'s|s)\s+(?:on\s+file|in\s+(?:your|ur)\s+(?:system|records?|file))"
        + @"|(?:update|change|correct|fix)\s+(?:my|the)\s+(?:e-?mail(?:\s+address)?|phone(?:\s+number)?|number|cell|address|last\s+name|contact\s+(?:info|details))\b(?!\s+(?:of|for)\s+(?:the\s+)?(?:spa|location))"
        + @"|my\s+(?:phone\s+|cell\s+|mobile\s+)?(?:number|e-?mail)\s+(?:has\s+|just\s+)?changed"
        + @"|(?:delete|remove|erase|wipe)\s+(?:all\s+)?(?:of\s+)?my\s+(?:info|information|data|details|account|records?|profile|personal\s+info)"
        + @"|(?:how\s+much\s+(?:is\s+|money\s+is\s+)?(?:left|remaining)|(?:the\s+)?balance)\s+on\s+(?:my|a|the|this)\s+gift\s*card|gift\s*card\s+balance"
        // Round 31: a new number or e-mail ("i changed my phone number", "i have a new number"), a card on file taken off
        // ("take my card off file", "remove my credit card"), a membership changed or shared, a superbill or a receipt for
        // insurance.
        + @"|i\s+(?:have|got|changed)\s+(?:a\s+new|my)\s+(?:phone\s+|cell\s+|mobile\s+)?(?:number|e-?mail|phone)\b"
        + @"|(?:take|remove|delete|get)\s+my\s+(?:credit\s+|debit\s+)?card\s+(?:off|from|out\s+of)\b|(?:remove|delete)\s+my\s+(?:credit\s+|debit\s+|saved\s+)?card\b"
        + @"|(?:share|transfer|pause|freeze|hold|upgrade|downgrade|change)\s+my\s+membership\b"
        + @"|\bsuper\s*bills?\b|\b(?:receipt|invoice)\s+for\s+(?:my\s+)?(?:insurance|hsa|fsa)\b|\bitemized\s+receipt\b)", RegexOptions.CultureInvariant)]
    private static partial Regex OwnRecord();

    // "am i free at 4", "when am i busy next week", "a time when bob and i are both free", "are we both free saturday": the
    // person's own time; not "am i free to cancel" (allowed to).
    // "show me when im free on the 3rd", "when am i available": the same, asked as when.
    [GeneratedRegex(@"\b(?:am\s+i|are\s+we|(?:\w+\s+and\s+(?:i|me)|me\s+and\s+\w+|we|they)\s+(?:are\s+)?both)\s+(?:free|busy|tied\s+up)\b(?!\s+to\b)"
        + @"|\bwhen\s+(?:i'?m|im|i\s+am|i'?ll\s+be|ill\s+be)\s+(?:free|available|busy)\b(?!\s+(?:to|for)\b)|\bwhen\s+am\s+i\s+available\b"
        // "i have zero availability for drama this week" (round 19): the person's own time for something, not an opening.
        + @"|\b(?:i|we)\s+(?:have|got|'ve\s+got|ve\s+got)\s+(?:zero|no|little|limited|zilch|0)\s+(?:availability|time|patience|bandwidth|energy|tolerance)\s+for\s+(?!(?:an?\s+|the\s+|my\s+)?(?:appointments?|appts?|visits?|bookings?|sessions?|treatments?|spa)\b)[a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex OwnFreeTime();

    // A job at the spa asked about: "are you guys hiring", "any job openings?", "how do i apply to work there", "can i drop off
    // my resume"; not jobs somewhere else ("jobs available in pittsburgh", a task elsewhere).
    [GeneratedRegex(@"\b(?:(?:are|r)\s+(?:you|u|y'?all|you\s+guys|u\s+guys|ya)\s+(?:currently\s+|still\s+|now\s+)?hiring|(?:any|have|got)\s+(?:any\s+)?(?:job|jobs|job\s+openings|positions|vacancies)\s*(?:open|available|\?|$)|(?:apply|applying)\s+(?:for\s+a\s+(?:job|position)|to\s+work)|work\s+(?:for|at)\s+(?:you|u|your|ur)\b|(?:drop\s+off|send|submit|leave)\s+(?:my|a)\s+(?:resume|cv)|looking\s+for\s+(?:massage\s+therapists|estheticians|nurses|injectors|front\s+desk|staff|employees))", RegexOptions.CultureInvariant)]
    private static partial Regex WorkHere();

    // Appointments with other trades, a ride to one, a restaurant's table, time off work, the person's own plans.
    [GeneratedRegex(@"\b(?:(?:my|the|a|an|this|that|next|upcoming)\s+)?(?:doctors?|doctor's|dr|drs|dentists?|dentist's|dental|vets?|vet's|veterinar\w*|physio\w*|physical\s+therapy|chiropract\w*|orthodont\w*|optometr\w*|eye\s+doctor'?s?|ob\s*gyn|obgyn|gyno|pediatrician'?s?|psychiatrist'?s?|(?<!\b(?:massage|laser|light|skin)\s+)therapist'?s?|counseling|mechanic'?s?|car|oil\s+change|dmv|court|lawyer'?s?|attorney'?s?|tax|bank|job\s+interview|interview|immigration|visa|passport|parent[\s-]teacher|haircut|barber'?s?|groomer'?s?|grooming)\s+(?:appointments?|appts?|visit|checkup|check-up|cleaning|exam)\b"
        // (Spanish arrives glossed: "mi cita con el dentista" is "my appointment with the dentist".)
        + @"|\b(?:appointments?|appts?)\s+(?:with|at)\s+(?:the|my|a|an)\s+(?:dentists?|dentist's|vet|vets|veterinarian|orthodontist|optometrist|eye\s+doctor|pediatrician|chiropractor|physio\w*|mechanic|lawyer|attorney|accountant|bank|dmv|barber|groomer|hairdresser)\b"
        + @"|\b(?:uber|lyft|ride|taxi|cab|directions)\s+(?:\w+\s+){0,2}?to\s+(?:the|my)\s+(?:doctors?|doctor's|dentists?|dentist's|vet|hospital|clinic|pharmacy|airport|office)\b(?:\s+(?:appointment|appointments|appt|appts|visit))?"
        + @"|\b(?:(?:reserve|book|get|grab|hold|need|want|find)\s+(?:us\s+|me\s+)?(?:a\s+)?(?:table|booth)s?\b|(?:table|booth)\s+for\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+party)\b|(?:eat|dine|have\s+(?:dinner|lunch|brunch|breakfast))\s+at\s+(?!noon\b|\d)[a-z]+(?!\s*(?:am|pm|o'?clock)\b))"
        + @"|\b(?:pto|paid\s+time\s+off|(?:request|submit|file|put\s+in|log|apply\s+for|ask\s+for)\s+(?:for\s+)?(?:some\s+)?(?:time\s+off|(?:a\s+)?(?:vacation|leave|holiday)(?:\s+days?)?|days?\s+off)|(?:can|could|may)\s+i\s+(?:have|get|take)\s+(?:the\s+)?(?:next\s+|this\s+|a\s+)?(?:day|week|days|weeks|\w+day)\s+off|(?:time\s+off|vacation|leave)\s+request)\b"
        // Round 15: urgent care and the hospital, other trades' people, a ferry or a bus leaving.
        + @"|\b(?:appointments?|appts?|visit|spot)\s+(?:with|at|in)\s+(?:the\s+|my\s+|a\s+|an\s+)?(?:urgent\s+care|er|emergency\s+room|hospital|walk[\s-]?in\s+clinic|minute\s+clinic)\b"
        + @"|\b(?:tattoo\s+(?:artist|shop|parlou?r)s?|piercers?|plumbers?|electricians?|locksmiths?|handyman|babysitters?|nann(?:y|ies)|dog\s+walkers?|tutors?|photographers?|caterers?|florists?|movers|contractors?|roofers?|exterminators?|house\s*cleaners?|maid\s+service)\b"
        + @"|\b(?:meeting|one\s+on\s+one|1\s*:\s*1|1on1|standup|sync|check-?in|catch-?up)\s+with\s+(?:my|the|our)\s+(?:manager|boss|team|coworkers?|colleagues?|supervisor|accountant|landlord|professor|teacher|advisor|lawyer|clients?|vendors?)\b"
        + @"|\b(?:ferry|ferries|bus|buses|train|trains|flight|flights|plane|shuttle|subway|metro|tram)\s+(?:leave|leaves|leaving|depart\w*|arrive\w*|come|comes|run|runs|get\s+in|gets\s+in)\b"
        + @"|\b(?:\w+\s+)?jobs?\s+(?:openings?\s+|available\s+|hiring\s+)?(?:in|near|around)\s+(?!(?:your|ur|the\s+spa|this|there|here)\b)[a-z]+"
        + @"|\bdo\s+i\s+have\s+(?:anything|something|plans|stuff|much)\s+(?:to\s+do|planned|going\s+on|on\s+(?:my\s+)?(?:calendar|agenda|plate))\b", RegexOptions.CultureInvariant)]
    private static partial Regex TaskElsewhere();

    /// <summary>
    /// What <see cref="TaskElsewhere"/> cannot match without (derived from its own text, every branch: "appointment", "table",
    /// "off", "uber", "ferry", "job" and the like); on a message holding none of them it is not run (perf round twenty-eight).
    /// </summary>
    internal static readonly FrontDesk.Agent.Screening.RequiredWords? TaskElsewhereNeeds = FrontDesk.Agent.Screening.RequiredWords.Of(TaskElsewhere().ToString(), TaskElsewhere().Options);

    /// <summary>The expression itself, for the tests that compare it with its prefilter.</summary>
    internal static Regex TaskElsewhereExpression => TaskElsewhere();

    // What, beside a task elsewhere, still asks the spa for something: a visit, a booking, openings, its own appointment.
    [GeneratedRegex(@"\b(?:come\s+in|get\s+in|stop\s+by|book\w*|openings?|availab\w*|slots?|you\s+guys|with\s+(?:you|u)|(?:your|ur)\s+(?:spa|place|clinic|hours|prices?|team)|spa|(?:my|the|an?)\s+(?:appointment|appt)s?\b|cita\s+(?:con\s+ustedes|aqui|aquí))", RegexOptions.CultureInvariant)]
    private static partial Regex AsksTheSpaToo();

    private const string AskingHead = @"^(?:(?:hi|hey|hello|ok|okay|so|um|uh|pls|plz|please|can\s+(?:you|u|someone|somebody)|could\s+(?:you|u|someone|somebody)|would\s+(?:you|u|someone|somebody)|will\s+(?:you|u|someone|somebody)|i\s+(?:want|need|would\s+like|wanna)(?:\s+(?:you|u|someone))?\s+to|i'?d\s+like(?:\s+(?:you|u|someone))?\s+to|id\s+like(?:\s+(?:you|u|someone))?\s+to)[\s,]+)*";

    // "text my phone when something opens up", "let me know if anything frees up", "msg me when a spot opens": told of an opening.
    [GeneratedRegex(@"\b(?:let\s+me\s+know|text|txt|message|msg|call|tell|notify|email|ping|alert)\s+(?:me|my\s+(?:cell|cellphone|phone|number|mobile))\s+(?:if|when|whenever|as\s+soon\s+as|once)\s+(?:something|anything|a\s+(?:spot|slot|time|opening|place)|one|it|a\s+cancell?ation)\s+(?:opens?|frees?|comes?|becomes?|is|gets?)\s*(?:up|available|free|open)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TellMeWhenItOpens();

    // A wish to keep the texts (round 36): "please don't unsubscribe me", "do not opt me out", "don't take me off the list".
    [GeneratedRegex(@"\b(?:don'?t|do\s+not|dont|never)\s+(?:unsubscribe\s+me|opt\s+me\s+out|remove\s+me|take\s+me\s+off)\b", RegexOptions.CultureInvariant)]
    private static partial Regex KeepTexting();

    // "please call my cell 415 555 0199", "can you call me", "call me at 4155550199", "ring me back this afternoon": a call
    // back asked for; not "call me Rob" (what to call the person: nothing but a time, a number or a courtesy may follow).
    [GeneratedRegex(AskingHead + @"(?:call|ring|phone)\s+(?:me|my\s+(?:cell|cellphone|phone|number|mobile|house|home|work)(?:\s+(?:phone|number|line))?)(?=\s*$|\s*[?.!,]|\s+(?:at|on|back|asap|please|pls|plz|today|tomorrow|tonight|later|now|when|after|before|this|in|around|about|real|quick)\b|\s+\(?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CallMeBack();

    // "text me the address please", "can u email me your hours", "send me ur cancellation policy": the spa's information
    // asked to be sent.
    [GeneratedRegex(AskingHead + @"(?:text|txt|email|e-mail|send|message|msg|dm)\s+(?:me|us)\s+(?:over\s+)?(?:the|your|ur)\s+(?<what>[a-z][a-z' ]*?)(?:\s+(?:please|pls|plz|thanks|thank\s+you|asap))?\s*[?.!]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SendMeInformation();

    // A cancellation said as a fact anywhere in the message, not in an "if" clause: "i need to cancel wednesday", "i'm gonna
    // have to cancel", "tengo que cancelar" (glossed "i have to cancel") (round 27).
    [GeneratedRegex(@"(?<!\bif\s)(?<!\bif\s+we\s)\b(?:i|we)(?:'?m|\s+am|'?re|\s+are)?\s+(?:really\s+)?(?:need|have|got|gotta|gonna\s+have|going\s+to\s+have|'?ll\s+have)\s+(?:to\s+)?cancel\b", RegexOptions.CultureInvariant)]
    private static partial Regex CancelStated();

    // "pls cancel the facial one", "can you cancel my massage": a cancellation of one's own appointment (not "what if i cancel").
    // "hey need to cancel the facial thing on wed", "necesito cancelar el masaje del viernes" (glossed "i need cancel the …").
    [GeneratedRegex(@"^(?:(?:hi|hey|hello|ok|okay|so|um|uh|pls|plz|please|can\s+(?:you|u)|could\s+(?:you|u)|(?:i\s+)?(?:need|want|have|gotta)(?:\s+to)?|wanna|i'?d\s+like\s+to|id\s+like\s+to)[\s,]+)*(?:cancel|scrap|nix|ditch)\s+(?:my|the|our|both)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CancelOwn();

    // "and make it the 90 min", "make it a pedicure instead", "change it to a deep tissue", "switch it to the hydrafacial".
    [GeneratedRegex(@"\b(?:make\s+it|(?:change|switch|swap)\s+(?:it|that|my(?:\s+[a-z]+){1,3}?|the(?:\s+[a-z]+){1,3}?)\s+(?:to|for)|turn\s+it\s+into)\s+(?<what>[^,.;!?]+?)(?:\s+instead)?\s*(?=$|[,.;!?]|\s+(?:and|but|if|please|pls|plz|thanks|thx)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex MakeItInstead();

    [GeneratedRegex(@"\b(?:is|are)\s+(?<t>(?:1[0-2]|[1-9])(?::[0-5][0-9])?)\s+(?:still\s+)?(?:open|available|free|possible|an\s+option)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OpenAtNumber();

    // A bare hour said as a second thought: "10 actually", "ugh no 11 sorry", "no 9 instead".
    [GeneratedRegex(@"^\W*(?:(?:ugh+|oh|hmm+|um+|wait|oops)\W+)*(?:no\W+(?:at\s+|the\s+)?(?:1[0-2]|[1-9])(?::[0-5]\d)?\b|(?:at\s+|the\s+)?(?:1[0-2]|[1-9])(?::[0-5]\d)?\s*(?:am|pm)?\W+(?:actually|sorry|instead)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOnSecondThought();

    [GeneratedRegex(@"\b(?:later|earlier)\b|\bhow\s+long\b", RegexOptions.CultureInvariant)]
    private static partial Regex LaterOrEarlier();

    // A service said as the one not meant: "not the facial", "but keep the massage", "leave my facial", and as Spanish reads
    // glossed, "the massage no," ("el masaje no") and ", no the facial" ("el masaje, no el facial"; "no, the facial" is a correction),
    // "the massage leave it the same" ("el masaje dejalo igual").
    [GeneratedRegex(@"\b(?:not|keep|keeping|leave)\s+(?:the|my|a|an)\s+(?<what>[a-z]+(?:\s+(?!and\b|but\b|please\b|pls\b)[a-z]+)?)|\b(?:the|my)\s+(?<what>[a-z]+)\s+no\b(?=\s*(?:[,.;!?]|$))|,\s*no\s+(?:the|my)\s+(?<what>[a-z]+)|\b(?:the|my)\s+(?<what>[a-z]+)\s+(?:leave|keep)\s+(?:it|that(?:\s+one)?)\s+(?:as\s+(?:it\s+is|is)|the\s+same|alone|where\s+it\s+is)", RegexOptions.CultureInvariant)]
    private static partial Regex NotThisService();

    // "remind me what ive got coming up", "what do i have booked", "tell me what i have scheduled", "whens my next one".
    // "what time is my appointment" ("a q hora era mi cita" glossed), "did it actually go through" after a booking told.
    // Which of two it was (round 29): "did i book the 60 or the 90 for saturday?", "is my appt saturday at 10 or 11?".
    [GeneratedRegex(@"\b(?:remind\s+me|tell\s+me|what)\b[^.?!]{0,30}?\b(?:i\s*(?:'?ve|have)?\s*(?:got|have)|do\s+i\s+have|have\s+i\s+got|am\s+i)\s+(?:coming\s+up|booked|scheduled|on\s+the\s+books)\b|\bwhen'?s?\s+(?:is\s+)?my\s+next\s+(?:one|appt|appointment|visit|booking)\b|\bwhat\s+time\s+(?:is|was|'s)\s+my\s+(?:appt|appointment|booking|visit|reservation)\b|\b(?:booked|booking|made\s+(?:an?\s+)?(?:appt|appointment))\b[^.?!]{0,60}?\bdid\s+(?:it|that|my\s+(?:booking|appt|appointment|reservation))\s+(?:actually\s+|really\s+|even\s+)?go\s+through\b|\bdid\s+my\s+(?:booking|appt|appointment|reservation)\s+(?:actually\s+|really\s+|even\s+)?go\s+through\b"
        // "am i still on for friday", "are we still good for saturday", "is my facial still on" (round 34: declined).
        + "|" + StillOnPattern
        + @"|\b(?:did\s+i\s+(?:book|get|pick|choose|reserve|sign\s+up\s+for)|is\s+my\s+(?:\w+\s+){0,2}?(?:appt|appointment|booking|reservation|massage|facial|peel|session|visit|one))\b[^.?!]{0,40}?\bor\b", RegexOptions.CultureInvariant)]
    private static partial Regex UpcomingAsked();

    // "am i still on for friday", "are we still good for saturday", "is my facial still on" (round 34), also one of UpcomingAsked's.
    private const string StillOnPattern = @"\b(?:am\s+i|are\s+we|is\s+my\s+(?:\w+\s+){0,2}?(?:appt|appointment|booking|reservation|massage|facial|peel|session|visit))\s+still\s+(?:on|good|set|booked|scheduled|confirmed|happening)\b";

    [GeneratedRegex(StillOnPattern, RegexOptions.CultureInvariant)]
    private static partial Regex StillOn();

    // "how much should i tip a hairdresser at another salon": a price asked of another place, or a tip, is not ours to quote.
    [GeneratedRegex(@"\b(?:another|other|different)\s+(?:salon|spa|place|shop|studio|business)s?\b|\btip(?:s|ping)?\b|\bpropinas?\b|\botro\s+(?:salon|spa|lugar)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OtherPlaceOrTip();

    // "whens my facial?", "when is my massage again", "what day is my peel" (round 29): when the person's own visit is.
    [GeneratedRegex(@"\b(?:when'?s?|what\s+(?:day|time|date)(?:'s|\s+is|\s+was)?)\s+(?:is\s+|was\s+)?my\s+(?:next\s+)?(?:\w+\s+)?(?:appt|appointment|booking|reservation|visit|session|massage|facial|peel|botox|filler|consult(?:ation)?|laser|hydrafacial|dermaplaning)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OwnVisitWhen();

    // "running like 15 behind", "gonna be 10 minutes late", "on my way but running late" (Spanish "llego como 10 min tarde" glossed).
    // Or held up on the way: "i was supposed to come in at 3 but im stuck at work"; "stuck in traffic, be there in like 15",
    // "traffic is insane, there in 10" (round 29).
    [GeneratedRegex(@"\b(?:running|gonna\s+be|going\s+to\s+be|i'?ll\s+be|im|i'm|be)\s+(?:\w+\s+){0,3}?(?:late|behind)\b|\bminutes?\s+late\b|\bmins?\s+late\b"
        + @"|\bsupposed\s+to\s+(?:come\s+in|be\s+(?:there|in)|see\s+\w+)\b[^.?!]{0,60}\b(?:stuck|held\s+up|tied\s+up|delayed|running)\b|\b(?:i'?m|im|i\s+am)\s+(?:still\s+)?(?:stuck|held\s+up)\s+(?:at|in|on)\s+(?:work|traffic|the\s+office|a\s+meeting|the\s+highway|the\s+bridge)\b[^.?!]{0,40}\b(?:appt|appointment|come\s+in|there|make\s+it)\b"
        + @"|\b(?:stuck|sitting)\s+in\s+(?:\w+\s+)?traffic\b|\btraffic\s+is\s+(?:\w+\s+)?(?:insane|crazy|bad|terrible|awful|horrible|nuts|brutal)\b|\b(?:be\s+)?there\s+in\s+(?:like\s+|about\s+|around\s+|another\s+)?(?:[1-9]|[1-5][05]|five|ten|fifteen|twenty)\s*(?:min|mins|minutes)?\s*(?:[.!?,]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RunningLate();

    // A treatment wondered about, not asked for: "i was wondering about lips", "curious about botox", "thinking about getting
    // lip filler", "whats the deal with dermaplaning".
    [GeneratedRegex(@"\b(?:wonder(?:ing|ed)?|curious|thinking|thought|interested|info|information|details)\s+(?:\w+\s+){0,2}?(?:about|on|in)\b|\bwhat'?s?\s+(?:is\s+)?the\s+deal\s+with\b|\btell\s+me\s+(?:more\s+)?about\b", RegexOptions.CultureInvariant)]
    private static partial Regex WonderingAbout();

    // Words that ask for a booking itself: "book", "appointment", "openings", "schedule", "available".
    [GeneratedRegex(@"\b(?:book\w*|appt|appointments?|openings?|slots?|schedul\w*|availab\w*|reserve|come\s+in)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BookingWords();

    // A cancel with something else asked after it: "cancel my friday and book me a massage saturday", "cancel tuesday's and
    // put me on friday instead" ("cancela la del martes y ponme el viernes" read into English).
    // Round 30: "can you scrap my wednesday and do friday afternoon instead" (scrap, nix, ditch: cancel; "do" a day instead).
    [GeneratedRegex(@"\b(?:cancel\w*|scrap|nix|ditch)\b[^.?!]*?\s(?:and|y|&|then|but)\s+(?:then\s+|also\s+|just\s+)?(?:(?:can|could|will|would)\s+(?:you|u)\s+)?(?<what>(?:book|schedule|put|get|set|sign|move|switch|pass|make|give|agend\w*|pon\w*|do(?=\s[^.?!]*\binstead\b))\b.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CancelThenBook();

    // Already here ("hi im outside, do i just come in?", round 21): the visit's arrival part, as the FAQ tool reads it.
    private static bool Arrived(string lowered) => FrontDesk.Tools.Faq.VisitQuestion.Topics(lowered).Contains("here");

    // Something left at a visit: "i left my sunglasses there yesterday", "i think i forgot my ring in the room".
    [GeneratedRegex(@"\b(?:i\s+)?(?:left|forgot|lost)\s+(?:my|a|the|our)\s+(?:\w+\s+){0,2}?(?:there|at\s+(?:the\s+)?(?:spa|your\s+(?:place|spa|location)|front\s+desk)|in\s+(?:the|my)\s+(?:room|locker|changing\s+room|treatment\s+room|robe|lobby))\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeftSomethingHere();

    [GeneratedRegex(@"\b(?:you|your|yours|u|ur|y'?all)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AskedOfYou();

    // A group's own words for coming to the spa (round 28): booking or fitting in, or a wedding, birthday or bachelorette.
    [GeneratedRegex(@"\b(?:book|booking|fit|squeeze|take|accommodate|appointments?|appts?|spa\s+day|treatments?|bachelorette|bridal|bridesmaids|wedding|birthday|hen\s+party|reservar|cita|citas|despedida\s+de\s+soltera|cumplea[nñ]os|boda)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GroupForUs();

    [GeneratedRegex(@"\b(?:bachelorette|bridal|bridesmaids|hen\s+party|spa\s+day|despedida\s+de\s+soltera|damas\s+de\s+honor)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GroupOccasion();

    // The way to a place asked (round 28): "how do i get to the marina", "directions to mission pls".
    [GeneratedRegex(@"\bhow\s+(?:do|can|would|should)\s+(?:i|we)\s+get\s+to\b|\bdirections\s+to\b|\bway\s+to\s+get\s+to\b", RegexOptions.CultureInvariant)]
    private static partial Regex WayToAPlace();

    // A card held for a booking (round 28): "do i have to put a card down", "do you need my card to book", "do you keep a card on file".
    [GeneratedRegex(@"\b(?:put|leave)\s+(?:a|my)\s+card\s+down\b|\b(?:need|want|take)\s+(?:my|a)\s+(?:credit\s+)?card\s+(?:to\s+(?:book|hold|reserve)|for\s+(?:the\s+)?booking)\b|\bcard\s+on\s+file\b|\bhold\s+(?:a|my)\s+card\b", RegexOptions.CultureInvariant)]
    private static partial Regex CardHeld();

    // The business itself: "who owns the spa", "how long have you been open", "who's the owner". Round 28: its most popular
    // treatment ("whats the best seller"), what its products are made of ("is everything organic", "do you use fragrance free
    // stuff"), and whether men are welcome ("is it ok if im a guy"): its information's, or the team's, never declined.
    [GeneratedRegex(@"\bwho\s+(?:owns|runs|started|founded|manages)\s+(?:the\s+|this\s+|your\s+)?(?:spa|place|business|salon|clinic|company)\b|\bwho\s*(?:is|'?s)\s+the\s+owner\b|\bhow\s+long\s+have\s+(?:you|u|y'?all)\s+(?:guys\s+)?been\s+(?:open|around|in\s+business)\b|\byour\s+most\s+popular\b|\b(?:treatment|service|facial|massage)s?\s+(?:most|more)\s+popular\b|\bmost\s+popular\s+(?:treatment|service|facial|massage|package|add[\s-]?on)s?\b|^\W*(?:what(?:\s+is|\s*'?s)\s+)?(?:the\s+|your\s+)?best[\s-]?sell(?:er|ers|ing)\W*$|\b(?:is|are)\s+(?:everything|it\s+all|all\s+of\s+(?:it|them)|your\s+(?:\w+\s+)?(?:products?|stuff|lotions?|oils?|creams?|skincare)|the\s+(?:\w+\s+)?(?:products?|lotions?|oils?|creams?))\s+(?:\w+\s+)?(?:organic|vegan|cruelty[\s-]?free|fragrance[\s-]?free|unscented|scent[\s-]?free|hypoallergenic|paraben[\s-]?free|all[\s-]natural|non[\s-]?toxic)\b|\b(?:do|does)\s+(?:you|u|y'?all)\s+(?:guys\s+)?(?:use|carry|sell|have|offer)\s+(?:any\s+)?(?:\w+\s+){0,2}?(?:organic|vegan|cruelty[\s-]?free|fragrance[\s-]?free|unscented|scent[\s-]?free|hypoallergenic|paraben[\s-]?free|all[\s-]natural|non[\s-]?toxic)\b|\b(?:good|best|recommend|recommended|suggest|suggested)\b(?:\s+\w+){0,3}?\s+for\s+(?:a\s+|my\s+|the\s+)?(?:first[\s-]?tim(?:e|er|ers)|first\s+visit|beginners?|newbies?)\b|\b(?:ok|okay|alright|fine|weird)\s+if\s+(?:i'?m|im|i\s+am)\s+a\s+(?:guy|man|male|dude)\b|\b(?:do|does)\s+(?:you|u|y'?all)\s+(?:guys\s+)?(?:take|see|treat|accept|serve)\s+(?:men|guys|males|male\s+clients)\b|\b(?:is\s+it|is\s+(?:this|the\s+spa|that)|are\s+(?:massages|facials|treatments|you))\s+(?:ok|okay|alright|fine|only|just|good)\s+for\s+(?:guys|men|males|dudes)\b|\b(?:do|can|will)\s+(?:guys|men|males|dudes)\s+(?:come|go|get|book)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AboutTheBusiness();

    // "whats the address again", "what's your address", "where are you guys located".
    [GeneratedRegex(@"\b(?:address|addy)\b|\bwhere\s+(?:are|r)\s+(?:you|u|ya)(?:\s+guys)?\s+(?:located|at)\b|^\W*(?:(?:hi|hey|hello|ok|so|and|um)\W+)*where\s+(?:are|r)\s+(?:you|u|ya|yall)(?:\s+guys)?\W*$", RegexOptions.CultureInvariant)]
    internal static partial Regex AddressAsked();

    // The way to the spa, the whole message (round 27): "how do i get there", "how do we get to you", "how can i get to your place?";
    // directions asked for in a word or two (round 28): "directions please", "can i get directions", "i need directions to the
    // spa", "could you send me directions pls", "what's the best way to get there".
    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|ok|okay|so|and|um)\W+)*(?:how\s+(?:do|can|would|should)\s+(?:i|we)\s+get\s+(?:there|to\s+(?:you|u|the\s+spa|your\s+(?:place|spa|location)))|what(?:'?s|\s+is)\s+the\s+(?:best|easiest|quickest)\s+way\s+(?:to\s+get\s+)?(?:there|to\s+(?:you|u|the\s+spa|your\s+(?:place|spa|location)))|(?:(?:can|could|may)\s+(?:i|we)\s+(?:get|have)\s+|(?:can|could)\s+(?:you|u)\s+(?:give|send|text)\s+(?:me|us)\s+|(?:i|we)\s+(?:need|want|would\s+like)\s+|(?:send|give|text)\s+(?:me|us)\s+)?(?:the\s+|some\s+)?directions(?:\s+to\s+(?:you|u|the\s+spa|your\s+(?:place|spa|location)|there))?)(?:\W+(?:please|pls|plz|thanks|thx|thank\s+you))?\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex DirectionsAsked();

    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|ok|so|and|um)\W+)*where\s+(?:are|r)\s+(?:you|u|ya|yall)(?:\s+guys)?\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareWhereAreYou();

    // A condition said of someone else ("my friend's pregnant so she can't come", "my sister is expecting", "she's pregnant"): the
    // condition word is no service said (not the prenatal massage), so the speaker's own request is read as it stands. The
    // speaker's own ("i'm pregnant", "my wife and i … i'm pregnant") is not matched here.
    [GeneratedRegex(@"\b(?:my\s+(?:friend|sister|wife|girlfriend|gf|mom|mum|mother|daughter|cousin|coworker|roommate|bff|bestie|niece|aunt|sister-in-law|daughter-in-law|partner)(?:'s|s)?|she(?:'s|s)?|her)\s+(?:(?:is|just|got|now|also|currently|still|like|so|\d+\s+(?:weeks?|months?))\s+){0,3}(?<what>pregnan\w*|expecting)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SomeoneElsesCondition();

    [GeneratedRegex(@"\b(?:aft|arvo|appt|apt|appnt|apmt|cancle|cancell|cansel|cancl)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Shorthand();

    [GeneratedRegex(@"\b(?:sixty|ninety)\b(?![- ]+(?:one|two|three|four|five|six|seven|eight|nine)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenLength();

    [GeneratedRegex(@"\b(?:(?:around|about|at)\s+)?(?<t>\d{1,2}(?::\d{2})?|noon)\s*-?\s*ish\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooseHour();

    [GeneratedRegex(@"\b(?:would|will|might)\s+be\s+better\b|\b(?:works|suits\s+me)\s+better\b|\bbetter\s+for\s+me\b", RegexOptions.CultureInvariant)]
    private static partial Regex BetterCue();

    [GeneratedRegex(@"\breschedul(?:e|ing)\s+(?:my|our)\s+(?:appointment|appt|booking|reservation)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RescheduleMine();

    [GeneratedRegex(@"(?:\.\.+|,|;|\s)\s*(?:no\s+wait|no\s+actually|actually|wait|(?:sorry|oops)(?:\W+i\s+meant?\b)?|i\s+mean|i\s+meant|make\s+that|or\s+rather|scratch\s+that|no(?=\s*(?:,|\.|-)))\b[,.\s-]*", RegexOptions.CultureInvariant)]
    private static partial Regex SecondThought();

    // "… you're closed thursday right? friday then": a day and "then" ending the message is the day taken instead.
    [GeneratedRegex(@"^\W*(?:i\s+mean|i\s+meant|sorry|actually|rather|instead|my\s+bad|not\s+\w+day)\b|^\s+then\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSecondThought();

    [GeneratedRegex(@"\b(?:book|schedule|reserve|make an appointment|get me in)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BookingCue();

    private const string Weekday = @"(?:mondays?|mon|tuesdays?|tues?|wednesdays?|weds?|thursdays?|thu|thurs?|fridays?|fri|saturdays?|sat|sundays?|sun|weekends?)";

    // Days ruled out: "any day but monday", "anything except mondays or fridays", "except weekends", "other than tuesday",
    // "just not on fridays". Not "not tuesday, wednesday" (a day corrected: NotThisDay) nor "besides monday" (also "as well as").
    [GeneratedRegex(@"\b(?:(?:any\s*(?:day|time)|anytime|anything|whenever)\s+(?:but|except|other\s+than)|except(?:\s+for)?|other\s+than|just\s+not)\s+(?:on\s+)?(?:the\s+)?(?<d>" + Weekday + @")(?:\s*(?:,|/|\bor\b|\band\b|&)\s*(?:on\s+)?(?:the\s+)?(?<d>" + Weekday + @"))*\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotOnDays();

    private static IEnumerable<string> WeekdaysNamed(string word) => word switch
    {
        _ when word.StartsWith("weekend", StringComparison.Ordinal) => ["saturday", "sunday"],
        _ when word.StartsWith("mon", StringComparison.Ordinal) => ["monday"],
        _ when word.StartsWith("tu", StringComparison.Ordinal) => ["tuesday"],
        _ when word.StartsWith("we", StringComparison.Ordinal) => ["wednesday"],
        _ when word.StartsWith("th", StringComparison.Ordinal) => ["thursday"],
        _ when word.StartsWith("fri", StringComparison.Ordinal) => ["friday"],
        _ when word.StartsWith("sat", StringComparison.Ordinal) => ["saturday"],
        _ => ["sunday"],
    };

    // "did sofia leave", "has maya left", "is priya gone", "did jordan quit" (round 29): whether a provider is still with the spa.
    [GeneratedRegex(@"\b(?:did|has)\s+[a-z]+\s+(?:leave|left|quit|move\s+on|moved\s+on)\b|\bis\s+[a-z]+\s+(?:gone|no\s+longer\s+(?:there|here|with\s+(?:you|u)))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderLeft();

    // Something wanted or to be done in a message with no other request word: "need", "want", "get rid of", "fix", "help".
    [GeneratedRegex(@"\b(?:wants?|wanna|would\s+like|'?d\s+like|need|needs|needed|could\s+use|looking\s+for|interested\s+in|get\s+rid|remove|fix|help|helps|treat|try|recommend\w*|suggest\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WantsSomething();

    // A minor's age or a teen asked about: "my daughter is 15", "my 16 year old", "teenagers", "under 18", "tiene 15 años"; the
    // person's own, said beside a treatment (round 33: "can i get a massage if im 16" was offered the menu), "tengo 16 años".
    [GeneratedRegex(@"\b(?:1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\s*-?\s*(?:yo|y/o|yr\s+old|yrs?\s+old|years?\s+old|year[\s-]olds?)\b|\bmy\s+(?:daughter|son|kid|child|niece|nephew|granddaughter|grandson|stepdaughter|stepson)\s+(?:is|turns|turned|just\s+turned)\s+(?:only\s+)?(?:1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b|\b(?:teens|teenagers?|minors?|under\s*18|under\s+eighteen)\b|\b(?:tiene|has)\s+(?:1[0-7])\s+(?:anos|años|years)\b|\b(?:i'?m|im|i\s+am)\s+(?:only\s+|just\s+)?(?:1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b(?!\s*(?:am\b|pm\b|min|mins|minutes|hours?|weeks?|months?|[:.]\d))|\b(?:i\s+have|tengo)\s+(?:1[0-7])\s+(?:anos|años|years)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MinorAsked();

    // Happy news and nothing else: "i just had a baby 3 weeks ago", "we just got engaged!", "i gave birth last month".
    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|so|well|omg|guess\s+what|good\s+news)\W+)*(?:i|we)\s+(?:just\s+|finally\s+|recently\s+)?(?:had\s+(?:a|my|our|the)\s+(?:baby|babies|twins|little\s+one)|gave\s+birth|got\s+(?:married|engaged|hitched)|(?:am|are|re|'re|m|'m)\s+(?:getting\s+married|engaged))(?:\s+(?:to\s+)?\w+){0,4}?\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex HappyNewsOnly();

    // How the assistant is, asked (round 30): "how are you", "how r u", "hows it going", "how you doing", "whats up", and the
    // Spanish "cómo estás" read as "how are you".
    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|hiya|yo|ok|okay|haha|lol)\W+)*(?:how\s+(?:are|r)\s+(?:you|u|ya|yall)(?:\s+(?:doing|doin|today|tonight|this\s+morning))?|how(?:'?s|\s+is)\s+(?:it\s+going|your\s+(?:day|morning|afternoon|evening|week)(?:\s+going)?|everything|life)|how\s+(?:you|u|ya)\s+(?:doing|doin|been)|how\s+have\s+(?:you|u)\s+been|what'?s\s+up|wh?ats\s+up|sup)(?:\W+(?:today|there|friend))?\W*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WellBeingAsked();

    // What the spa does or would recommend, asked with nothing named, a new client's words before it (round 30): "im new what
    // do you recommend", "soy nueva, ¿qué me recomiendan?" (read as "i'm new, what do you recommend"), "what do you guys do".
    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|hola|so|ok|okay|um)\W+)*(?:(?:(?:i'?m|im|i\s+am)\s+new(?:\s+here)?|(?:it'?s|its)\s+my\s+first\s+time(?:\s+here)?|first\s+time(?:\s+here)?)\W+(?:so\s+)?)?(?:what\s+(?:do|would)\s+(?:you|u|y'?all)\s+(?:guys\s+)?(?:recommend|suggest)|what\s+should\s+i\s+(?:get|try|book)|what\s+(?:do|can)\s+(?:you|u|y'?all)\s+(?:guys\s+)?(?:do|offer)(?:\s+(?:there|here))?)\W*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MenuAskedPlainly();

    // Someone close the service is for (round 30): "for my wife", "for my mom's birthday", "for her".
    [GeneratedRegex(@"\bfor\s+(?:my\s+(?:mom|mother|mum|wife|husband|hubby|partner|girlfriend|boyfriend|gf|bf|sister|brother|daughter|son|friend|bestie|best\s+friend|dad|father|grandma|grandmother|aunt|fianc\w*)(?:'?s)?|her|him)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ForSomeoneDear();

    // A laugh or a reaction with nothing else (round 30): "lol", "haha ok", "jajaja", "nice", "wow", "omg", ":)".
    [GeneratedRegex(@"^\W*(?:(?:lol+|lmao+|lmfao|rofl|ha(?:ha)+h?|he(?:he)+|ja(?:ja)+|je(?:je)+|xd|nice|cool|wow+|omg|oh\s+wow|awesome|sweet|neat|love\s+it|love\s+that|ok|okay|oh|ah|oh\s+ok|aw+|cute|funny)\W*)+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ReactionOnly();

    // Something asked for on a day (round 35): "do you have anything saturday", "can i book it for friday".
    [GeneratedRegex(@"\b(?:do|would|will)\s+(?:you|u)\s+(?:guys\s+|all\s+)?have\s+(?:anything|something|time|room|space)\b|\bcan\s+i\s+(?:book|get|come|schedule)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AnythingOnADay();

    // The day of an occasion the visit is for (round 35): "for a wedding saturday", "for my sister's party on friday".
    [GeneratedRegex(@"\bfor\s+(?:a|an|my|the|our|his|her)\s+(?:(?:friend|sister|brother|cousin|best\s+friend|daughter|son|mom|dad)'?s\s+|big\s+)?(?:wedding|party|event|trip|vacation|birthday|graduation|prom|date\s+night|photoshoot|photo\s+shoot|gala|reunion|interview|shower|baby\s+shower|bridal\s+shower)\s+(?:on\s+|this\s+|next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OccasionDay();

    // The time of one's day (round 35): "on my lunch break", "after i drop the kids off", "before work", "whoever is free".
    [GeneratedRegex(@"\b(?:on|during|at)\s+my\s+lunch(?:\s+break|\s+hour)?\b|\bafter\s+(?:i\s+)?(?:drop|dropping|take|taking)\s+(?:off\s+)?(?:the|my)\s+(?:kids|kid|children|son|daughter|boys|girls)\b|\b(?:before|after)\s+work\b|\bwhoever\s+(?:is|s)\s+(?:free|available|open)\b|\bi\s+(?:dont|don't|do\s+not)\s+care\s+who\b|\bcan\s+i\s+(?:come|get|pop|squeeze)\s+in\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OwnDaysTime();

    // An age said with a question whether one may (round 35): "my daughter 15 year old can you get a facial".
    [GeneratedRegex(@"\b\d{1,2}[\s-]*(?:year|yr)s?[\s-]*old\b.{0,40}\b(?:can|could|may|allowed)\b|\b(?:can|could|may)\b.{0,40}\b\d{1,2}[\s-]*(?:year|yr)s?[\s-]*old\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AgeSaidAsking();

    // Sent by someone (round 35): "my friend referred me", "a coworker recommended you", "referred by my sister".
    [GeneratedRegex(@"\b(?:friend|coworker|co-worker|colleague|sister|brother|mom|mother|cousin|neighbor|neighbour|boss|wife|husband|girlfriend|boyfriend|bestie)\s+(?:referred|recommended|sent)\s+(?:me|us)\b|\b(?:referred|recommended)\s+(?:here\s+)?by\s+(?:a|my|an)\b|\b(?:friend|coworker|sister)\s+sent\s+me\s+here\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ReferredHere();

    // One's own appointment made longer (round 35): "can i make my 60 min a 90", "change my 60 minute massage to the 90".
    [GeneratedRegex(@"\b(?:make|change|switch|turn|upgrade|extend|bump)\s+(?:my|our)\s+(?:\w+\s+){0,2}(?:30|45|50|60|75|80|90)(?:\s*-?\s*(?:min|mins|minute|minutes))?(?:\s+(?:one|massage|facial|session|appointment|appt))?\s+(?:(?:to|into|up\s+to|for)\s+)?(?:(?:a|an|the)\s+)?(?:60|75|80|90|120)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OwnVisitLonger();

    // Two lengths compared (round 36): "is the 90 min worth it over the 60", "90 or 60?", "the 60 vs the 90", "is it worth it the
    // 90 or with the 60 is enough" (glossed Spanish): the two numbers joined by a comparing word.
    [GeneratedRegex(@"\b(?<a>30|45|50|60|75|80|90|120)(?:\s*-?\s*(?:min|mins|minute|minutes))?\b(?:(?:\s+|\s*,\s*)[a-z']+){0,3}?(?:\s+|\s*,\s*)(?:over|or|vs\.?|versus|than|compared\s+(?:to|with)|instead\s+of)\s+(?:(?:with|just|only|the|a|an|one|is)\s+){0,3}(?<b>30|45|50|60|75|80|90|120)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LengthsCompared();

    // A length said in a service's name: "Swedish Massage (60 min)", "90-Minute Facial".
    [GeneratedRegex(@"\s*\(?\b\d{2,3}\s*-?\s*(?:min|mins|minute|minutes)\b\)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LengthInName();

    // A word of what is added to one's visit, articles aside (round 36).
    [GeneratedRegex(@"\b(?!(?:a|an|some|the)\b)[a-z'-]+", RegexOptions.CultureInvariant)]
    private static partial Regex AddedWord();

    /// <summary>
    /// The two lengths of one treatment (round 36): the services of the menu lasting <paramref name="a"/> and <paramref name="b"/>
    /// minutes whose names are the same but for the length, of the kind named when one is; null unless exactly one treatment
    /// comes in both lengths.
    /// </summary>
    private static ServiceMatch? LengthsOfOne(SpaVocabulary vocabulary, ServiceMatch named, int a, int b)
    {
        if (a == b)
        {
            return null;
        }
        var kinds = named.Kind == ServiceMatchKind.None ? null : named.Services.Select(s => s.Category).ToHashSet(StringComparer.Ordinal);
        var families = Enumerable.Range(0, vocabulary.Services.Count)
            .Where(i => vocabulary.DurationAt(i) is { } minutes && (minutes == a || minutes == b)
                && (kinds is null || kinds.Contains(vocabulary.Services[i].Category)))
            .GroupBy(i => LengthInName().Replace(vocabulary.Services[i].Name, string.Empty).Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Any(i => vocabulary.DurationAt(i) == a) && g.Any(i => vocabulary.DurationAt(i) == b))
            .ToList();
        return families is [var one]
            ? new ServiceMatch(ServiceMatchKind.Several, [.. one.OrderBy(i => vocabulary.DurationAt(i)).Select(i => vocabulary.Services[i])], null, named.Spans, 1)
            : null;
    }

    // A day or a service said with what does not suit (round 36): "anything friday except 12 to 2", "any day except weekends",
    // "any time but not before 10".
    [GeneratedRegex(@"\b(?:any\s*(?:day|time|thing|one)|anything|whenever)\b.{0,30}\b(?:except|but\s+not|but|other\s+than)\b|\b(?:except|other\s+than)\s+(?:on\s+)?(?:weekends?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|mornings?|afternoons?|evenings?|\d{1,2}(?::\d{2})?(?:\s*(?:am|pm))?(?:\s*(?:to|-|till|until)\s*\d{1,2}(?::\d{2})?(?:\s*(?:am|pm))?)?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SaidByWhatIsExcluded();

    // An appointment one half remembers having (round 36): "i have something tomorrow i think", "i think i have an appointment
    // friday", "do i have something on tuesday?".
    [GeneratedRegex(@"\bi\s+(?:think\s+i\s+)?(?:have|had|got)\s+(?:something|smth|sth|an?\s+(?:appointment|appt|booking))\b.{0,30}\b(?:i\s+think|right|no|or\s+not|maybe)\b|\bi\s+think\s+i\s+(?:have|had|got)\s+(?:something|smth|sth|an?\s+(?:appointment|appt|booking)|one)\b|\bdo\s+i\s+have\s+(?:something|anything)\s+(?:booked\s+)?(?:on\s+|for\s+)?(?:today|tomorrow|tmrw|this|next|mon|tue|wed|thu|fri|sat|sun)", RegexOptions.CultureInvariant)]
    private static partial Regex HalfRememberedVisit();

    // One person's two treatments on one day (round 36): "a massage and a facial the same day", "back to back", "one after
    // the other", "el mismo día" (glossed "the same day"). Not two people ("my friend and i", "for us"). The treatments are
    // the ones the menu's matcher found, never words written here.
    [GeneratedRegex(@"\b(?:the\s+)?same\s+day\b|\bback\s*(?:to|2)\s*back\b|\bone\s+after\s+the\s+other\b", RegexOptions.CultureInvariant)]
    private static partial Regex OneDayTwoTreatments();

    // A provider and a day and nothing else (round 36): "the dra kim is friday?", "is maya tomorrow?".
    [GeneratedRegex(@"^\s*(?:is\s+)?(?:the\s+)?(?:(?:dr|dra|doctor|doctora)\.?\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:is\s+)?(?:in\s+)?(?:on\s+)?(?:this\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow)\s*\??\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderOnADay();

    // Services weighed against each other (round 36): "which is better for knots", "what's the difference between", "should i
    // get the hydrafacial or the peel".
    [GeneratedRegex(@"\bwhich\s+(?:one\s+)?is\s+(?:better|best)\b|\bwhat'?s\s+the\s+difference\b|\bwhat\s+is\s+the\s+difference\b|\bshould\s+i\s+(?:get|do|book|go\s+with)\b.{0,40}\bor\b", RegexOptions.CultureInvariant)]
    private static partial Regex ServicesWeighed();

    // A treatment wanted after one's own (round 36): "i have a massage friday, can i do a facial right after", "right after my
    // massage", "after my facial tomorrow can i get dermaplaning"; the own treatment's word in "own".
    [GeneratedRegex(@"\bi\s+(?:already\s+)?(?:have|got|ve\s+got|'ve\s+got)\s+(?:a\s+|an\s+|my\s+)?(?<own>[a-z-]+)\b.{0,60}?\b(?:right|just|straight|directly)\s+after\b(?!\s+(?:work|lunch|school|class))|\b(?:right|just|straight|directly)?\s*after\s+my\s+(?<own>[a-z-]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AfterMine();

    // Whether someone is there, the whole message (round 35): "is anyone there", "hello? anybody there", "are you there?".
    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|helo|hallo|um+|uh+|so)\W+)*(?:is\s+)?(?:any\s*one|any\s*body|some\s*one|some\s*body)\s+(?:there|here|around|on\s+the\s+line|home|awake|working)(?:\s+(?:today|right\s+now|now|rn))?\W*$|^\W*(?:(?:hi|hey|hello|helo|hallo|um+|uh+|so)\W+)*(?:are\s+)?(?:you|u)\s+(?:still\s+)?there\W*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PresenceAsked();

    // Whether a means of payment is taken: "do you take fsa", "do u accept venmo", "can i pay with cash".
    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|so|ok|okay|quick\s+question)\W+)*(?:(?:do|can|will|would)\s+(?:you|u|y'?all)\s+(?:guys\s+)?(?:take|accept)|(?:can|could)\s+i\s+(?:pay\s+(?:with|by|in)|use))\s+(?:an?\s+|my\s+)?(?<means>hsa|fsa|hsa\s+or\s+fsa|fsa\s+or\s+hsa|cash|checks?|venmo|zelle|paypal|apple\s+pay|google\s+pay|amex|american\s+express|visa|mastercard|discover|debit|credit|care\s*credit|klarna|afterpay|affirm)(?:\s+cards?)?\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentMeansAsked();

    // The spa or one of its places asked whether open: "is the spa open on thanksgiving", "is your place open sundays".
    [GeneratedRegex(@"\b(?:is|are|will)\s+(?:the\s+spa|your\s+(?:spa|place|clinic|salon|location|locations)|the\s+med\s+spa)\s+(?:be\s+)?(?:open|opened|closed)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpaOpenAsked();

    // What a minor would do here: "get", "come", "book", "bring".
    [GeneratedRegex(@"\b(?:get|gets|getting|come|coming|book|booking|bring|bringing)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AMinorsVisit();

    // A question inside a message that opens with a statement: "my daughter is 15 can she get a facial".
    [GeneratedRegex(@"\b(?:can|could|may|should|would|is\s+it|are\s+(?:they|teens|teenagers|minors))\s+(?:she|he|they|i|we|my|it|teens|teenagers|minors|kids)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsksWhetherTheyMay();

    // A gift card wanted or bought, for anyone: "my wife wants a gift card", "looking to buy a gift certificate".
    [GeneratedRegex(@"\b(?:wants?|wanted|need|needs|looking\s+(?:for|to\s+(?:buy|get|purchase))|buy|buying|get|getting|purchase|purchasing|give|giving|send|sending)\s+(?:(?:her|him|them|me|my\s+\w+)\s+)?(?:a|an|some|one\s+of\s+your)?\s*(?:e-?)?gift\s*(?:cards?|certificates?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GiftCardWanted();

    // Something for two together: "couples", "romantic", "date night" ("a couple of" is a few).
    [GeneratedRegex(@"\bcouples\b|\bcouple'?s\s+(?:massage|treatment|day|package|anniversary|getaway|retreat)\b|\bromantic\b|\bdate\s+night\b", RegexOptions.CultureInvariant)]
    private static partial Regex ForTwoOfUs();

    // A booking for a family member or friend: "i'm booking for my grandma", "i want to book for my mom", "schedule an
    // appointment for my husband", "reservar para mi abuela" (glossed "book for my abuela").
    [GeneratedRegex(@"\b(?:book|booking|schedule|scheduling|reserve|reserving|make\s+an?\s+(?:appointment|appt))(?:\s+(?:an?\s+)?(?:appointment|appt|something|a\s+visit))?\s+for\s+my\s+(?:mom|mother|mum|mommy|momma|dad|father|grandma|grandmother|granny|nana|grandpa|grandfather|wife|husband|daughter|son|sister|brother|aunt|auntie|uncle|friend|bestie|partner|girlfriend|boyfriend|fiance|fiancee|niece|nephew|cousin|abuela|abuelo|mama|papa|hija|hijo|hermana|esposa|esposo|suegra)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BookingForFamily();

    // A request for a booking after a thank-you or an ok: "can you book that facial", "go ahead and schedule", "let's make
    // that appointment", "set me up with a massage".
    [GeneratedRegex(@"\b(?:book|schedule|reserve)\b|\b(?:make|set\s+up|get)\b[^.?!]{0,40}\b(?:appointment|appt|booking)\b|\bset\s+(?:me|us)\s+up\b|\blet'?s\s+(?:do|book|get)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RequestAfterManners();

    [GeneratedRegex(@"\balready\s+(?:have|got|booked|scheduled|made)\b|\b(?:have|got)\s+(?:an?|my|one)\s+[^.?!]{0,30}\b(?:booked|scheduled)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AlreadyBooked();

    // A request beside what the person says they have: "… can i add a facial after it", "… i want to move it".
    [GeneratedRegex(@"\b(?:can|could|may)\s+(?:i|you|we|u)\b|\b(?:i|we)\s+(?:want|wanna|need|would\s+like)\b|\bi'?d\s+like\b|\b(?:move|change|cancel|add|another)\b|\?", RegexOptions.CultureInvariant)]
    private static partial Regex AsksForMore();

    [GeneratedRegex(@"^\W*(?:(?:oh|ah|ok|okay|k|actually|lol)\W+)?(?:nvm|nvmd|nevermind)\b(?:\W+(?:then|lol|thanks|thx|ty|i'?m\s+good|im\s+good|all\s+good))*\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex NeverMindShort();

    // The booking itself declined, word for word ("i don't want to book", "no need to schedule"): the request becomes a never
    // mind. Narrower than NotARequest below, which only keeps manners from being lifted into a request (any negation near a
    // booking word, or "already"), and must not turn "i don't need a long one, book the 60" into a never mind.
    [GeneratedRegex(@"\b(?:don'?t|do\s+not|dont|not)\s+(?:really\s+)?(?:want|wanna|need|looking)\s+(?:to\s+)?(?:book|schedule|reserve|make)\b|\bno\s+need\s+to\s+(?:book|schedule|reserve)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoBookingWanted();

    // The booking words negated or already done: "i don't want to book", "no need to schedule", "already booked".
    [GeneratedRegex(@"\b(?:don'?t|do\s+not|not|never|no\s+need\s+to)\b[^.?!]{0,25}\b(?:book|schedule|reserve|make|want|need)\b|\balready\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotARequest();

    // "can you find me a massage therapist", "look for someone who does facials": a search asked of us, not a question.
    [GeneratedRegex(@"\b(?:find|look(?:ing)?\s+for|search(?:ing)?\s+for|locate)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SearchCue();

    /// <summary>The words before a service that ask to have it: "can i get a", "could we book two", "can you get me in for a".</summary>
    [GeneratedRegex(@"\b(?:can|could|may|cn|can't|cant)\s+(?:i|we|u|you)\s+(?:please\s+|pls\s+|maybe\s+|just\s+)?(?:get|have|grab|book|squeeze|try)\s+(?:me\s+|us\s+)?(?:in\s+)?(?:for\s+)?(?:a|an|one|two|2|some|the)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AsksToGet();

    // "… lol any facial for that", "got any massage openings": "any" right before the service.
    [GeneratedRegex(@"(?:^|[\s,.!?])(?:(?:do\s+(?:you|u)\s+(?:have|got)|got|have\s+(?:you|u)\s+got)\s+)?any\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyOfTheService();

    // "i need a massage lol" after a story ("my husband snores so bad"), "my daughter wants a facial for her bday".
    [GeneratedRegex(@"\b(?:wants?|wanted|wanna|would\s+like|'?d\s+like|need(?:s|ed)?|could\s+(?:really\s+)?use|(?:really\s+)?craving|dying\s+for|gotta\s+get|looking\s+(?:for|to\s+(?:get|book|do|try))|interested\s+in|use\s+(?:it|them|that)\s+(?:for|on|towards?)|put\s+(?:it|that)\s+(?:towards?|on)|in\s+the\s+mood\s+for|treat\s+(?:myself|me)\s+to|recommended|suggested|(?:recommended|suggested|said)\s+(?:that\s+)?i\s+(?:get|try|book|should\s+get|should\s+try))\s+(?:to\s+(?:get|book|do|have|try)\s+)?(?:me\s+)?(?:a|an|one|some|the)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex WantsTheService();

    // "i need to get rid of the hair on my legs", "want to get rid of this leg hair", "looking to smooth out my forehead lines":
    // a goal for the person's own body or face, put as a need or a wish (not a skin condition: which treatment suits acne, scars or
    // spots is a clinician's call, escalation.yaml).
    // Without backtracking (round 30): the generated backtracking matcher threw IndexOutOfRangeException on "can you help me get
    // rid of the ants in my kitchen" (.NET 10.0.12's source generator and RegexOptions.Compiled alike; perf round 30 found it).
    [GeneratedRegex(@"\b(?:i\s+(?:need|want|wanna|would\s+like|'?d\s+like|have)\s+to|i\s+wanna|(?:want|need|wanna|looking|hoping|trying)\s+to|help\s+me)\s+(?:finally\s+|just\s+)?(?:get\s+rid\s+of|remove|fix|reduce|smooth(?:\s+out)?|tighten|plump(?:\s+up)?|brighten|fade|clear\s+up|soften)\s+(?:the\s+|this\s+|these\s+|my\s+|some\s+|all\s+(?:the\s+|this\s+|my\s+)?)?(?:\w+\s+){0,2}?(?:hair|lines|wrinkles|fuzz|stubble|crows\s+feet|lips?|forehead|legs?|arms?|underarms?|bikini|back)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    internal static partial Regex GoalForTheBody();

    // A new appointment asked for in so many words: "i'd like to book an appointment that day at 1:15", "can i get an
    // appointment that day at 3", "make me an appointment for that day".
    [GeneratedRegex(@"\b(?:book|schedule|reserve)\s+(?:me\s+|us\s+)?(?:an?|one)\b|\b(?:make|get|need|want|set\s+up)\s+(?:me\s+|us\s+)?(?:an?|one)\s+(?:\w+\s+)?(?:appointment|appt|booking)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NewAppointmentAsked();

    // The edge of the opening hours asked from the first words: "how late can i come in on sat", "what's the latest
    // appointment on a thursday" (round 26).
    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|so|and|ok|okay|um+|uh+|quick\s+question)\W+)*(?:what(?:'s|s|\s+is)\s+)?(?:" + ReplyCues.LateOrEarly + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex EdgeOfOpenHours();

    /// <summary>
    /// When to arrive, asked of oneself: "when should i get there", "what time do i need to arrive", "how early should we show
    /// up", "what time should i be there tomorrow" (round 27). Not "how early can i come in" (the hours' edge).
    /// </summary>
    [GeneratedRegex(@"\b(?:when|what\s+time|how\s+early|how\s+soon)\s+(?:should|do|shall|must|would|will)\s+(?:i|we)\s+(?:need\s+to\s+|have\s+to\s+|got\s+to\s+)?(?:get\s+(?:there|here|in)|arrive|show\s+up|be\s+(?:there|here)|check\s+in)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ArrivalAsked();

    /// <summary>A visit of one's own the question is for: "for our 2pm massage", "for my facial", "for the 2 o'clock massage".</summary>
    [GeneratedRegex(@"\bfor\s+(?:my|our|the\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|o'?clock))\b", RegexOptions.CultureInvariant)]
    private static partial Regex OwnVisitFor();

    /// <summary>The person's own booking named: "my appointment", "our booking", "am I booked", "I have an appt".</summary>
    [GeneratedRegex(@"\b(?:my|our)\s+(?:\w+\s+)?(?:appt|appointment|booking|reservation|visit)s?\b|\bam\s+i\s+booked\b|\bi\s+have\s+an?\s+(?:appt|appointment|booking)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OwnBooking();

    /// <summary>A question about what would happen ("what happens if I cancel late", "what if I'm late", "is there a fee if …").</summary>
    // "if i cancel todays appointment will i get charged?", "would i be charged if i move it", Spanish "si cancelo … me cobran algo?".
    [GeneratedRegex(@"\bwhat\s+(?:happens|happen|would\s+happen)\s+if\b|\bwhat\s+if\s+i\b|\bis\s+there\s+(?:a|any)\s+(?:fee|charge|penalty)\b|\b(?:will|would|do|does|am|is)\s+(?:i|it|there)\s+(?:get\s+|be\s+)?(?:charged|a\s+(?:fee|charge|penalty))\b|\bme\s+cobran\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hypothetical();

    /// <summary>
    /// An "if" clause first and a question after it (round 27: "if im late do i lose my appointment", "if i'm running late
    /// will you still take me", "si llego tarde me atienden?" glossed), or what it would cost ("how much is it if i cancel",
    /// "cuanto cobran si cancelo" glossed): asked about, nothing asked for.
    /// </summary>
    [GeneratedRegex(@"^(?:\W*(?:so|and|but|ok|okay|um+|uh+|hi|hey|hello|quick\s+question)\W+)*if\s+(?:i|we|i'?m|im)\b[^.?!]{0,50}?\b(?:do|does|will|would|can|could|is|am|are|should)\s+(?:i|we|you|u|it|there|that|they)\b|\bhow\s+much\b[^.?!]{0,30}?\bif\s+(?:i|we)\s+(?:cancel|reschedule|move|change|miss|no[- ]?show)\b", RegexOptions.CultureInvariant)]
    private static partial Regex IfThenAsked();

    // Whether a change would be charged: "will i get charged", "would i be charged", "is there a fee if i cancel", "me cobran".
    [GeneratedRegex(@"\b(?:will|would|do|does|am|is|could)\s+(?:i|it|there|you)\s+(?:get\s+|be\s+|still\s+)?(?:charged|charge\s+me|a\s+(?:fee|charge|penalty))\b|\b(?:is|are)\s+there\s+(?:a|any)\s+(?:fee|charge|penalty)\b|\bme\s+cobran\b", RegexOptions.CultureInvariant)]
    private static partial Regex ChargedIfChanged();

    // Whether a change could be made for nothing: "without paying", "without a fee", "sin pagar", "sin cargo" (round 24).
    [GeneratedRegex(@"\bwithout\s+(?:paying|being\s+charged|getting\s+charged|a\s+(?:fee|charge|penalty)|any\s+(?:fee|charge|penalty)|paying\s+(?:a|the|any)\s+(?:fee|charge|penalty))\b|\bsin\s+(?:pagar|cargo|costo|penalizaci[oó]n)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WithoutPaying();

    // How far ahead a cancellation or a change must be made, asked (round 30): "how much notice do i need to cancel", "how far
    // in advance do i have to cancel", "how late can i reschedule", "until when can i cancel", "how many hours before".
    [GeneratedRegex(@"\bhow\s+(?:much\s+(?:advance\s+)?(?:notice|time)|far\s+(?:in\s+advance|ahead|out)|early|late|long\s+before|many\s+(?:hours|days)(?:\s+(?:notice|before|ahead|in\s+advance))?)\b[^.?!]{0,40}?\b(?:cancel\w*|reschedul\w*)\b|\buntil\s+when\s+(?:can|do|should)\s+(?:i|we)\s+(?:cancel|reschedule)\b|\b(?:cancel\w*|reschedul\w*)\s+notice\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NoticeAsked();

    // A visit missed, asked about: "what happens if i miss my appointment", "what if i just never show", "will i be charged if
    // i don't show up". Bounded and lazy between the two parts, so it cannot backtrack far.
    [GeneratedRegex(@"\b(?:if|what\s+happens|what\s+if)\b[^.?!]{0,40}?\b(?:miss\s+(?:my|the|an?)\s+(?:appt|appointment|booking|visit)|no[- ]?show|never\s+show|(?:don'?t|dont|do\s+not|didn'?t)\s+(?:show|turn)\s+up|(?:don'?t|dont)\s+show)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MissedVisitAsked();

    // A package asked about: "packages of like 5 massages", "a bundle of facials", "a punch card" (a membership is read by
    // meaning already, with a "did you mean" when it is near).
    [GeneratedRegex(@"\b(?:packages?|bundles?|punch\s*cards?|prepaid\s+(?:sessions|visits|massages|facials))\b", RegexOptions.CultureInvariant)]
    private static partial Regex PackageAsked();

    // The fee of a late change or a no-show asked about: "whats ur late cancel fee", "the cancellation fee?", "is there a no
    // show fee", "what's the late cancellation charge".
    [GeneratedRegex(@"\b(?:late\s+)?(?:cancel(?:l?ation)?|no[- ]?show|late)\s+(?:fee|charge|penalty|policy)s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex LateFeeAsked();

    // What a change would cost, as an amount: "how much would the fee be", "how much will you charge me". A person says it.
    [GeneratedRegex(@"\bhow\s+much\s+(?:would|will|is|does|do)\s+(?:the|a|my|that|your|you|it)\s*(?:late\s+|cancellation\s+|no[- ]?show\s+)?(?:fee|charge|penalty|charge\s+me|cost\s+me)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FeeAmountAsked();

    // The words that ask for a translation ("translate", "translation of") and that ask how a thing is said ("how do you say",
    // "how to say"), shared by the two patterns below.
    private const string TranslateWords = @"translate|translation\s+(?:of|for)";
    private const string HowToSay = @"how\s+(?:do|would|can|should)\s+(?:you|i|u|one)\s+say|how\s+to\s+say";

    // A translation asked for: "translate …", "how do you say … in french" (not "what is your policy in spanish", which asks
    // the spa's own answer in another language).
    [GeneratedRegex(@"\b(?:" + TranslateWords + @"|(?:" + HowToSay + @")\s+.{1,40}\s+in\s+(?:english|spanish|french|german|italian|japanese|chinese|korean|portuguese|russian|arabic|hindi|swedish|dutch|greek|latin|hebrew|vietnamese|tagalog|polish|turkish)|how\s+(?:do|would|can|should)\s+(?:you|i|u|one)\s+say\s+.{1,40}\s+if\s+i\s+(?:were|was)\s+\w+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TranslationAsked();

    // A translation or a piece of trivia asked for; not "is it true you're a bot" (asked of the assistant).
    [GeneratedRegex(@"\b(?:" + TranslateWords + "|" + HowToSay + @"|what\s+(?:is|does)\s+.{1,40}\s+(?:mean\s+)?in\s+(?:english|spanish|french|german|italian|japanese|chinese|korean|portuguese|russian|arabic|hindi)|is\s+it\s+true\s+(?:that\s+)?(?!(?:you|u)\s*(?:are|re|r|'re)\b)|is\s+it\s+a\s+myth|fun\s+facts?|trivia)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TriviaOrTranslation();

    /// <summary>A question whether booking is needed at all ("do I have to book ahead", "do I need to book").</summary>
    [GeneratedRegex(@"\b(?:have|need)\s+to\s+(?:book|schedule|reserve)\b|\bbook\s+ahead\b", RegexOptions.CultureInvariant)]
    private static partial Regex NeedToBook();

    // "do you have half past three", "is there anything around 4?", "any at 2:30": a short ask for one time, nothing else.
    [GeneratedRegex(@"^\W*(?:(?:ok|okay|so|and|um+|uh+|hmm+|well)\W+)*(?:do\s+(?:you|u|ya)\s+(?:guys\s+)?(?:have|got)|have\s+(?:you|u)\s+got|is\s+there|(?:is\s+)?any(?:thing)?)\s+(?:(?:anything|something|one|an?\s+opening|a\s+slot|a\s+spot)\s+)?(?:at\s+|around\s+|for\s+)?(?:the\s+)?(?:[\w:']+\s*){1,4}\??\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeAskedFor();

    /// <summary>Starting again said outright: "start over", "start again", "from scratch", "reset", "empezar de nuevo".</summary>
    [GeneratedRegex(@"\b(?:over|again|afresh|fresh|scratch|beginning|reset|restart|de\s+nuevo|otra\s+vez)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StartAgain();

    /// <summary>Reads as a question: a question mark, or it opens with a question word ("r u open", "ok if my toddler…").</summary>
    [GeneratedRegex(@"\?|^\s*(?:(?:ok|okay|so|hi|hey|um+|and)[,\s]+)*(?:what|whats|what's|when|where|who|whos|who's|how|which|why|is|are|r|do|does|can|could|may|should|will|would|am|ok\s+if|any)\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionShape();
}
