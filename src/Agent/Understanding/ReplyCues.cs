using System.Globalization;
using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Understanding;

/// <summary>"the short one" / "the longer one": a length said about a service.</summary>
public enum LengthCue
{
    /// <summary>No length said.</summary>
    None,

    /// <summary>"the short one", "the quick one": the shortest of the options.</summary>
    Shortest,

    /// <summary>"the long one": the longest of the options.</summary>
    Longest,

    /// <summary>"the shorter one": shorter than the one in play.</summary>
    Shorter,

    /// <summary>"the longer one": longer than the one in play.</summary>
    Longer,
}

/// <summary>
/// Small cues in a message that the dialogue reads against the question pending: a position ("the first one"), numbers
/// ("the 90 minute one"), a length, a six-digit code, a bare name. They are read from the words here, in the
/// understanding step, so the dialogue tracker and policy take typed facts and never look at the text; another
/// language's understanding fills the same record.
/// </summary>
public sealed partial record ReplyCues
{
    /// <summary>No cues.</summary>
    public static ReplyCues None { get; } = new();

    /// <summary>A position among the choices, 1-based ("the first one", "second", a lone digit); "last" reads as 3, the most ever offered.</summary>
    public int? Ordinal { get; init; }

    /// <summary>Every whole number in the message that fits an int ("the 90 minute one" → 90).</summary>
    public IReadOnlyList<int> Numbers { get; init; } = [];

    /// <summary>Lengths said in minutes or hours ("90 min" → 90, "the hour one" → 60, "an hour and a half" → 90).</summary>
    public IReadOnlyList<int> Minutes { get; init; } = [];

    /// <summary>A length said about the service.</summary>
    public LengthCue Length { get; init; }

    /// <summary>The message names the waitlist.</summary>
    public bool MentionsWaitlist { get; init; }

    /// <summary>
    /// The person asks to be taken off a list ("no thanks take me off", "remove me from the waitlist", "sácame de la
    /// lista"): read against a waitlist opening texted to them, they leave the waitlist.
    /// </summary>
    public bool LeavesList { get; init; }

    /// <summary>The lowest-priced one is asked for ("whatever massage is cheapest", "the least expensive facial").</summary>
    public bool Cheapest { get; init; }

    /// <summary>The spa's address is asked ("wait whats the address again", "where are you guys located").</summary>
    public bool AsksAddress { get; init; }

    /// <summary>
    /// The person wants an appointment left as it is ("actually keep it", "leave it where it is", "don't cancel it",
    /// "mejor déjala", read into English): at a cancel's or a move's read-back, a no.
    /// </summary>
    public bool KeepsAsIs { get; init; }

    /// <summary>The message asks about the assistant itself ("are you a bot?", "is this a real person?").</summary>
    public bool AboutAssistant { get; init; }

    /// <summary>
    /// The message asks about the assistant as if it were a person ("what's your name", "how old are you", "do you have
    /// hobbies", "who made you"): answered by the assistant saying what it is, not by the FAQ or the team.
    /// </summary>
    public bool AsksAboutAssistant { get; init; }

    /// <summary>
    /// The message asks what the date is ("what's today's date?", "what day is tomorrow", "what's the date this friday",
    /// "¿qué fecha es hoy?"): answered from the spa's calendar, not a booking and not off-topic.
    /// </summary>
    public bool AsksDate { get; init; }

    /// <summary>
    /// The message asks the assistant to speak otherwise ("slow down", "can you talk slower", "speak faster", "whisper"):
    /// said back kindly, not off-topic and not a request for a person.
    /// </summary>
    public bool AsksPace { get; init; }

    /// <summary>
    /// "sorry wrong number", "oops wrong number, my bad", "perdon numero equivocado": the person did not mean to reach the
    /// spa; let go kindly, not told what the assistant cannot do.
    /// </summary>
    public bool WrongNumber { get; init; }

    /// <summary>
    /// A provider of a gender asked for ("a male therapist", "female massage therapist", "una masajista mujer", round 31): the
    /// profile does not say who is who, so the offer says each time's provider by name (round 32).
    /// </summary>
    public bool GenderAsked { get; init; }

    /// <summary>The language the person asks to be helped in ("do you speak spanish?", "¿habla inglés?"): "es", "en", "other", or null.</summary>
    public string? LanguageAsked { get; init; }

    /// <summary>The message asks a price ("how much", "what does it cost", "$").</summary>
    public bool AsksPrice { get; init; }

    /// <summary>
    /// A price asked with openings on a day in the same message ("how much is a facial and do you have anything saturday",
    /// round 35): the prices are said before the booking's next question, and the day is kept. Set by the understanding.
    /// </summary>
    public bool PricesWithOpenings { get; init; }

    /// <summary>
    /// A treatment wanted after one's own appointment ("i have a massage friday, can i do a facial right after", "can i add
    /// dermaplaning to my facial tomorrow", round 36): the booking's search starts when that appointment ends, on its day.
    /// Set by the understanding.
    /// </summary>
    public bool AfterOwnVisit { get; init; }

    /// <summary>How long a service takes is asked ("how long is the swedish massage", "whats the length on a swedish?").</summary>
    public bool AsksLength { get; init; }

    /// <summary>The message compares prices ("is that cheaper?", "is it more expensive", "¿es más barato?").</summary>
    public bool ComparesPrice { get; init; }

    /// <summary>The six digits of a verification code, when the message holds exactly six digits.</summary>
    public string? Code { get; init; }

    /// <summary>The message is a question (has a question mark).</summary>
    public bool IsQuestion { get; init; }

    /// <summary>One letter or digit, or none (an emoji, punctuation): never a decision at a read-back.</summary>
    public bool TooShortToConfirm { get; init; }

    /// <summary>The person speaks for more than themselves ("me and my sister", "both of us", "for two", "two massages").</summary>
    public bool WithOthers { get; init; }

    /// <summary>The same thing asked for another person ("can u book the same thing for my friend", "do my sister too, same one").</summary>
    public bool SameForAnother { get; init; }

    /// <summary>Someone else named as who the booking is for ("my mom", "my husband", "para mi mamá" read "for my mom").</summary>
    public bool ForAnother { get; init; }

    /// <summary>Other days asked ("what other days do you have?", "any other days?", "what else do you have?", "y qué otros días tienen?" read so).</summary>
    public bool OtherDays { get; init; }

    /// <summary>
    /// The same again, as one more booking ("book me the same time next friday too", "another one same time next week",
    /// "también el otro viernes a la misma hora", "book me the same time next friday"): "too", "also", "as well", "another
    /// (one)", "one more" or a booking verb ("book", "agéndame" read "book me") beside "same …", for no one else, and no word
    /// of a move ("instead", "move", "push", "change it to", "en vez", "make it").
    /// </summary>
    public bool SameAgain { get; init; }

    /// <summary>
    /// "same time next friday?" with neither an addition or booking word nor a move word: whether it is another booking or a
    /// move is not said (round 24: asked, never moved on it).
    /// </summary>
    public bool SameTimeUnclear { get; init; }

    /// <summary>One more said ("another one pls", "book another", "también", "one more"): an addition or a booking verb.</summary>
    public bool SaysAnother { get; init; }

    /// <summary>
    /// A past visit told, not asked for ("i got lip filler with you guys on saturday", "had my lip filler done saturday",
    /// "ayer me hice un facial" read "yesterday i had a facial"): "i got/had/did/came in for" with no word of a request
    /// ("book", "want", "like", "can i", "available", "openings", "appointment for", "again", "another", "next") nor of a
    /// day to come (round 24).
    /// </summary>
    public bool PastVisit { get; init; }

    /// <summary>
    /// "last saturday", "yesterday", "a week ago", "ayer", "el sábado pasado": the day said is behind us, so a visit told
    /// with it is a past one, never looked up as an appointment to come (round 25).
    /// </summary>
    public bool PastDaySaid { get; init; }

    /// <summary>
    /// "i have a facial on saturday", "tengo un facial el sábado" (glossed "i have"), with no word of a request: one's own
    /// appointment told, to be shown and asked about when it is there (round 25).
    /// </summary>
    public bool OwnAppointmentTold { get; init; }

    /// <summary>A move said ("move it", "oh i mean move it", "cámbiala" read "change it"): a word of a move.</summary>
    public bool SaysMove { get; init; }

    /// <summary>
    /// Every appointment meant ("cancel both my appointments", "cancel all of them", "cancela las dos" read "cancel the
    /// two"), not a party ("both of us").
    /// </summary>
    public bool AllOfThem { get; init; }

    /// <summary>
    /// Whether someone works a day is asked ("is sofia working saturday?", "does maya work on tuesdays", "is jordan in on sunday",
    /// "sofia trabaja el domingo?"); with a provider and a day read, the engine says it from the schedule (round 27).
    /// </summary>
    public bool AsksWhoWorks { get; init; }

    /// <summary>
    /// Whether a provider gives a treatment is asked ("does maya do facials?", "can kenji do brows", "maya hace faciales?");
    /// with a provider and a service read, the engine says it from the staff list (round 27).
    /// </summary>
    public bool AsksWhatProviderDoes { get; init; }

    /// <summary>"right after", "after mine", "straight after", "back to back": the next booking starts when the last one ends.</summary>
    public bool RightAfter { get; init; }

    /// <summary>How many people the booking is for when said ("two swedish massages", "three of us"); 2 for "me and my sister"; 1 otherwise.</summary>
    public int PartySize { get; init; } = 1;

    /// <summary>
    /// A group of four or more booking together ("5 of us for mani pedis", "massages for 6 people", "party of 8", "somos 4
    /// amigas"), or a bridal party, a bachelorette, bridesmaids (at least four): arranged by a person. Null for fewer.
    /// </summary>
    public int? GroupSize { get; init; }

    /// <summary>"someone else", "a different person", "not Sofia", "anyone but …": another provider than the one offered.</summary>
    public bool OtherProvider { get; init; }

    /// <summary>"what's the latest", "latest you have": the day's last openings (not "the latest of those", which is a pick).</summary>
    public bool LatestOfDay { get; init; }

    /// <summary>"and the one after?", "the next one": the next opening after the times on offer.</summary>
    public bool NextOne { get; init; }

    /// <summary>
    /// "any other times?", "none of those work", "what else do you have", "is there another time": the times on offer do not
    /// suit, with no direction said (read only while times are on offer).
    /// </summary>
    public bool OtherTimes { get; init; }

    /// <summary>
    /// The whole message asks which times there are ("what times?", "what times do you have", "which slots are left";
    /// Spanish "¿qué horarios tienen?" reads "hours do you have"): at an offer, the times after those said.
    /// </summary>
    public bool AsksWhatTimes { get; init; }

    /// <summary>
    /// The person asks to hear the last thing said again ("sorry can you repeat that", "say that again?", "come again?",
    /// "¿me lo repite?", read into English): on a call above all, where nothing stays on a screen.
    /// </summary>
    public bool AsksRepeat { get; init; }

    /// <summary>
    /// The amount a cancellation or a change would cost is asked ("if i cancel today how much would the fee be exactly"): the
    /// policy is the FAQ's to say, the amount a person's (set by the understanding with the policy question).
    /// </summary>
    public bool AsksFeeAmount { get; init; }

    /// <summary>
    /// The fee of a late change or a no-show asked about ("whats the late cancel fee", "is there a no show fee"), set by the
    /// understanding: beside a cancellation of one's own appointment ("i cant make it today, whats the late cancel fee?") the
    /// policy is said with the answer to the cancellation.
    /// </summary>
    public bool AsksLateFee { get; init; }

    /// <summary>
    /// The whole message only says the person did not follow ("lol what", "huh?", "what do you mean", "que?", "no entiendo"):
    /// the question pending is said again, plainly, with its choices (a miss toward "never the same question a third time").
    /// </summary>
    public bool Confused { get; init; }

    /// <summary>
    /// A place described and not named ("the one by the water", "la que está junto al agua"): the profile has no
    /// descriptions, so which location is asked, never guessed from geography.
    /// </summary>
    public bool DescribesPlace { get; init; }

    /// <summary>
    /// The place after "in" in a question about openings or where the spa is ("any openings in new york city", "are you in
    /// boston", "tienen citas en miami"): one to two or three words, not a day, a time or a common word. Whether it is one of
    /// the spa's places is the understanding's to say (<see cref="Utterance.PlaceElsewhere"/>).
    /// </summary>
    public string? PlaceAsked { get; init; }

    /// <summary>
    /// The whole message is a place asked about, one to three words: "miami?", "boston??", "in dallas?", "en miami?" (read
    /// into English "in miami?"). Whether it is read as a place depends on what came before (a place with "in" at any
    /// question; a bare word only right after the address was given): the understanding's to say.
    /// </summary>
    public string? BarePlace { get; init; }

    /// <summary>The <see cref="BarePlace"/> was said with "in", "at" or "near" before it ("in dallas?").</summary>
    public bool BarePlaceWithIn { get; init; }

    /// <summary>
    /// The texted code did not come, or is asked for again ("i didn't get it", "can you resend", "send a new one", "still
    /// nothing"; Spanish "no me llegó" reads "I didn't get it"): read only while a code is awaited.
    /// </summary>
    public bool CodeNotReceived { get; init; }

    /// <summary>Something more is asked beside an answer ("yes and also book my sister a facial", "a facial as well"; "y también" reads "and also").</summary>
    public bool AlsoAsks { get; init; }

    /// <summary>"my usual", "same as last time", "the same massage as before", "book me again with Maya": the service of a past visit.</summary>
    public bool SameAsBefore { get; init; }

    /// <summary>
    /// The provider of a past visit asked for, loosely ("the same girl as last time", "same lady i had last time", "whoever i
    /// had before"): taken from the visit even when the service is named (round 26).
    /// </summary>
    public bool SameProviderAsBefore { get; init; }

    /// <summary>"the later one", "the latter", "the last one": the last of the choices, however many there are.</summary>
    public bool LastOne { get; init; }

    /// <summary>"that one", "that appointment": the one just talked about.</summary>
    public bool ThatOne { get; init; }

    /// <summary>A question without a question mark ("is it ok if i come straight from the gym"): starts the way a question does.</summary>
    public bool AsksSomething { get; init; }

    /// <summary>"nothing later?", "anything earlier?": the times on offer are too early or too late, search again past them.</summary>
    public TimeNudge Nudge { get; init; }

    /// <summary>"whatever", "any", "doesn't matter", "you pick", "earliest": no preference among the choices (not a position).</summary>
    public bool AnyWillDo { get; init; }

    /// <summary>"earliest", "soonest", "first available": the earliest time on offer.</summary>
    public bool Earliest { get; init; }

    /// <summary>A question about the thing just talked about ("and how long is it", "how much is that").</summary>
    public bool AboutThatOne { get; init; }

    /// <summary>The message names a kind of beauty or wellness treatment in general words ("brow wax", "lash extensions", "spray tan"; <see cref="CareTreatments"/>).</summary>
    public bool NamesATreatment { get; init; }

    /// <summary>The message asks for something for the person ("i want a …", "i need a …", "can i get …", "book me …", "looking for …").</summary>
    public bool AsksForSomething { get; init; }

    /// <summary>The whole message read as a bare name ("sam lee" → "Sam Lee"): one to four words of letters only.</summary>
    public string? NameCandidate { get; init; }

    /// <summary>The message asks whether the business does something ("do you do brow waxing?", "do u guys offer lash lifts").</summary>
    public bool AsksIfOffered { get; init; }

    /// <summary>A service pointed at by its price ("is the $95 one available", "the 140 dollar one"): the amount, else null.</summary>
    public decimal? PriceSaid { get; init; }

    /// <summary>The message asks about opening hours ("are u open sunday", "what time do you close").</summary>
    public bool AsksHours { get; init; }

    /// <summary>
    /// Happy news told and nothing asked ("i just had a baby 3 weeks ago", "we just got engaged!"): set by the understanding
    /// (round 29), answered with congratulations and the open question, never a service found by meaning.
    /// </summary>
    public bool HappyNews { get; init; }

    /// <summary>
    /// Praise and nothing else ("maya is amazing", "just wanted to say sarah is the best"; round 31), thanked, never declined.
    /// </summary>
    public bool Praise { get; init; }

    /// <summary>
    /// The person asked how the assistant is ("how r u", "hows it going", "cómo estás"): set by the understanding (round 30), so
    /// that small talk says "doing well" only when asked it; laughter or a "nice" is answered plainly.
    /// </summary>
    public bool WellBeingAsked { get; init; }

    /// <summary>
    /// The message is an hours question from its first words, about a day at most ("r u guys open on thanksgiving", "what
    /// are your hours saturday"): not "is there parking close to you".
    /// </summary>
    public bool AsksOnlyHours { get; init; }

    /// <summary>The message names an amenity rather than a treatment ("sauna", "steam room"): the FAQ may know it, the menu does not.</summary>
    public bool NamesAnAmenity { get; init; }

    /// <summary>The whole message only acknowledges ("ok", "sure", "one sec", "let me check"): nothing given, nothing asked.</summary>
    public bool JustAcknowledges { get; init; }

    /// <summary>"did anything open up yet", "any openings yet?", "has a spot opened": whether an opening came up (the waitlist).</summary>
    public bool AsksIfOpened { get; init; }

    /// <summary>"why do u need my number?", "what do you need my name for": why a detail asked for is needed.</summary>
    public bool AsksWhyDetail { get; init; }

    /// <summary>The message asks what something is or how two compare ("whats the difference between…", "what is the hydra one", "which is better for…").</summary>
    public bool AsksWhatItIs { get; init; }

    /// <summary>The message asks what the spa offers ("what services do you offer", "what do you guys have", "what kinds do you have").</summary>
    public bool AsksWhatWeOffer { get; init; }

    /// <summary>An elliptical follow-up to what was just answered: "and sunday?", "what about monday", "how about the 90".</summary>
    public bool FollowUp { get; init; }

    /// <summary>A short question pointing back at what was just answered: "and is it free", "do they expire?", "is there one at the marina too?".</summary>
    public bool RefersBack { get; init; }

    /// <summary>
    /// Two or more times offered as alternatives ("3 or 4 whichever", "2:30 or 3pm"), read the way a spa reads a bare
    /// hour (1-7 afternoon, 8-11 morning, 12 noon), in the order said. Empty otherwise.
    /// </summary>
    public IReadOnlyList<TimeOnly> EitherTimes { get; init; } = [];

    /// <summary>
    /// The two <see cref="EitherTimes"/> asked back as a question ("is 3 ok? or is 4 better?", "¿a las 2 está bien o le queda
    /// mejor a las 3?"), not said as either being fine ("3 or 4 whichever", "2:30 or 3pm works"): which one is asked, neither
    /// taken (round 26).
    /// </summary>
    public bool EitherTimesAsked { get; init; }

    /// <summary>
    /// The whole message is plainly a name: <see cref="NameCandidate"/> of one to three words, none of them a word that is
    /// never a name ("is", "there", "what"), and no question mark. "Lee Park" is; "is there parking" is not.
    /// </summary>
    public bool PlainName => NameCandidate is { } name && !IsQuestion && name.Split(' ') is { Length: <= 3 } words
        && !words.Any(w => ContactExtractor.IsNotAName(w.ToLowerInvariant()));

    /// <summary>Reads the cues of an English message (normalised text).</summary>
    public static ReplyCues Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        var numbers = new List<int>();
        foreach (Match m in Number().Matches(text))
        {
            if (int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                numbers.Add(n);
            }
        }
        // The cues several answers below share, each looked for once (round twenty-five: Party four times, AnotherPerson three).
        var party = Prefiltered.Party.Match(text);
        var headCount = HeadCount().Match(text);
        var anotherPerson = AnotherPerson().IsMatch(text);
        var sameThing = SameThing().IsMatch(text);
        var oneMore = OneMore().IsMatch(text);
        var bookVerb = BookVerb().IsMatch(text);
        var moveWord = MoveWord().IsMatch(text);
        var pastDay = PastDay().IsMatch(text);
        var friends = MeAndFriends().Match(text);
        var weAre = WeAre().Match(text);
        // "for me, my mom and my sister", "me my mom linda and my sister jess", "yo, mi mamá y mi hermana", "para mí, mi mamá y mi
        // hermana" (read into English as "for my, my mom …"; round 35): three people named one by one.
        var threeNamed = text.Contains(" and ", StringComparison.OrdinalIgnoreCase) || text.Contains(" y ", StringComparison.OrdinalIgnoreCase)
            ? MeAndTwoOthers().Match(text) : System.Text.RegularExpressions.Match.Empty;
        var requestWord = Prefiltered.RequestWord.IsMatch(text);
        var eitherTimes = EitherTimesOf(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return new ReplyCues
        {
            Ordinal = OrdinalOf(text, digits),
            Numbers = numbers,
            Minutes = MinutesOf(text),
            Length = LengthOf(text),
            MentionsWaitlist = text.Contains("waitlist", StringComparison.OrdinalIgnoreCase) || text.Contains("wait list", StringComparison.OrdinalIgnoreCase),
            KeepsAsIs = KeepAsIs().IsMatch(text),
            AboutAssistant = text.Contains("robot", StringComparison.OrdinalIgnoreCase) || text.Contains("bot", StringComparison.OrdinalIgnoreCase)
                || text.Contains("human", StringComparison.OrdinalIgnoreCase) || text.Contains(" ai", StringComparison.OrdinalIgnoreCase)
                || text.Contains("real person", StringComparison.OrdinalIgnoreCase),
            AsksAboutAssistant = Prefiltered.AssistantAsAPerson.IsMatch(text) || Prefiltered.WhatTheAssistantDoes.IsMatch(text),
            AsksDate = Prefiltered.DateQuestion.IsMatch(text),
            AsksPace = Prefiltered.PaceAsked.IsMatch(text),
            WrongNumber = WrongNumberSaid().IsMatch(text) || OtherBusinessAsked().IsMatch(text),
            GenderAsked = ProviderOfAGender().IsMatch(text),
            LanguageAsked = Languages.LanguageRequest.Read(text),
            AsksPrice = PriceQuestion().IsMatch(text),
            AsksLength = LengthAsked().IsMatch(text),
            ComparesPrice = PriceCompared().IsMatch(text),
            Code = digits.Length == 6 ? digits : null,
            IsQuestion = text.Contains('?', StringComparison.Ordinal),
            NameCandidate = BareName(text),
            WithOthers = party.Success || headCount.Success || friends.Success || weAre.Success || threeNamed.Success,
            SameForAnother = sameThing && anotherPerson,
            ForAnother = anotherPerson,
            OtherDays = OtherDaysAsked().IsMatch(text),
            AllOfThem = !party.Success && AllAppointments().IsMatch(text),
            AsksWhoWorks = WorksAsked().IsMatch(text),
            AsksWhatProviderDoes = Prefiltered.DoesAsked.IsMatch(text),
            SameAgain = sameThing && (oneMore || bookVerb) && !anotherPerson && !moveWord,
            SameTimeUnclear = sameThing && !oneMore && !bookVerb && !anotherPerson && !moveWord,
            PastVisit = !oneMore && !requestWord && PastOwnVisit().IsMatch(text),
            PastDaySaid = pastDay,
            OwnAppointmentTold = !oneMore && !pastDay && !requestWord && OwnAppointment().IsMatch(text),
            SaysAnother = (oneMore || bookVerb) && !moveWord,
            SaysMove = moveWord && !oneMore,
            RightAfter = RightAfterCue().IsMatch(text),
            PartySize = threeNamed.Success && !headCount.Success && !weAre.Success ? 3
                : friends.Success ? CountOf(friends.Groups["n"].Value) + 1
                : weAre.Success ? CountOf(weAre.Groups["n"].Value)
                : headCount.Success ? CountOf(headCount.Groups["n"].Value)
                : party.Success && party.Groups["n"].Success ? CountOf(party.Groups["n"].Value)
                : party.Success ? 2 : 1,
            GroupSize = GroupOf(text),
            OtherProvider = SomeoneElse().IsMatch(text),
            LatestOfDay = LatestOpening().IsMatch(text) && !OfThose().IsMatch(text),
            NextOne = TheOneAfter().IsMatch(text),
            OtherTimes = Prefiltered.NoneOfThose.IsMatch(text),
            AsksWhatTimes = WhatTimes().IsMatch(text),
            AsksRepeat = Repeat().IsMatch(text),
            Confused = Confusion().IsMatch(text),
            DescribesPlace = PlaceDescribed().IsMatch(text),
            PlaceAsked = PlaceAfterIn(text),
            BarePlace = BarePlaceOf(text, out var withIn),
            BarePlaceWithIn = withIn,
            CodeNotReceived = Prefiltered.NoCodeCame.IsMatch(text),
            AlsoAsks = AlsoCue().IsMatch(text),
            SameAsBefore = Prefiltered.AsBefore.IsMatch(text),
            SameProviderAsBefore = ProviderAsBefore().IsMatch(text),
            LastOne = TheLastOne().IsMatch(text),
            ThatOne = ThatOneCue().IsMatch(text),
            JustAcknowledges = Prefiltered.AcknowledgementOnly.IsMatch(text) || ComingOnly().IsMatch(text),
            AsksWhyDetail = WhyDetail().IsMatch(text),
            AsksIfOpened = OpenedUp().IsMatch(text),
            LeavesList = OffTheList().IsMatch(text),
            Cheapest = CheapestOne().IsMatch(text),
            AsksAddress = Understander.AddressAsked().IsMatch(text.ToLowerInvariant()),
            AsksWhatItIs = WhatItIs().IsMatch(text),
            // "what services do you have for the face" is about one kind: the FAQ's category answer, not the whole menu.
            AsksWhatWeOffer = WhatWeOffer().IsMatch(text) && !ForSomeone().IsMatch(text),
            AsksSomething = text.Contains('?', StringComparison.Ordinal) || QuestionStart().IsMatch(text) && words >= 4,
            TooShortToConfirm = text.Count(char.IsLetterOrDigit) <= 1,
            NamesATreatment = CareTreatments.IsNamedIn(text),
            AsksForSomething = RequestFor().IsMatch(text),
            AnyWillDo = AnyOne().IsMatch(text),
            Earliest = EarliestOne().IsMatch(text),
            AboutThatOne = AboutThat().IsMatch(text),
            EitherTimes = eitherTimes,
            EitherTimesAsked = eitherTimes.Count > 1 && !AnyOne().IsMatch(text) && (text.Contains('?', StringComparison.Ordinal) || Comparing().IsMatch(text)),
            AsksIfOffered = OfferedQuestion().IsMatch(text),
            NamesAnAmenity = Amenity().IsMatch(text),
            AsksHours = Prefiltered.HoursWord.IsMatch(text),
            AsksOnlyHours = OnlyHours().IsMatch(text),
            PriceSaid = PricedOne().Match(text) is { Success: true } priced
                && decimal.TryParse(priced.Groups["n"].Value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount)
                ? amount : null,
            FollowUp = FollowUpStart().IsMatch(text) || words <= 2,
            RefersBack = words <= 9 && BackReference().IsMatch(text),
            Nudge = Prefiltered.Nudged.Match(text) is { Success: true } nudge
                ? nudge.Groups["way"].Value.Equals("later", StringComparison.OrdinalIgnoreCase) ? TimeNudge.Later : TimeNudge.Earlier
                : TimeNudge.None,
        };
    }

    private static List<TimeOnly> EitherTimesOf(string text)
    {
        if (TwoTimes().Match(text) is not { Success: true } m)
        {
            return [];
        }
        var times = new List<TimeOnly>();
        foreach (var side in new[] { "a", "b" })
        {
            var hour = int.Parse(m.Groups[side + "h"].Value, CultureInfo.InvariantCulture);
            var minute = m.Groups[side + "m"].Success ? int.Parse(m.Groups[side + "m"].Value, CultureInfo.InvariantCulture) : 0;
            var meridiem = (m.Groups[side + "p"].Success ? m.Groups[side + "p"] : m.Groups["bp"]).Value.ToLowerInvariant();
            if (hour is < 1 or > 12 || minute > 59)
            {
                return [];
            }
            // A bare 12 is noon ("11 or 12").
            var pm = meridiem.StartsWith('p') || meridiem.Length == 0 && hour is (>= 1 and <= 7) or 12;
            times.Add(new TimeOnly(hour % 12 + (pm ? 12 : 0), minute));
        }
        return times;
    }

    private static int? OrdinalOf(string text, string digits)
    {
        var ordinal = text.Contains("first", StringComparison.OrdinalIgnoreCase) ? 1
            : text.Contains("second", StringComparison.OrdinalIgnoreCase) ? 2
            : text.Contains("third", StringComparison.OrdinalIgnoreCase) ? 3
            : text.Contains("last", StringComparison.OrdinalIgnoreCase) ? 3
            : digits.Length == 1 ? digits[0] - '0' : 0;
        return ordinal >= 1 ? ordinal : null;
    }

    private static List<int> MinutesOf(string text)
    {
        var minutes = new List<int>();
        foreach (Match m in SaidMinutes().Matches(text))
        {
            if (m.Groups["w"].Success)
            {
                minutes.Add(m.Groups["w"].Value.ToLowerInvariant() switch { "thirty" => 30, "sixty" => 60, "ninety" => 90, _ => 45 });
            }
            else if (int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                minutes.Add(n);
            }
        }
        var lower = text.ToLowerInvariant();
        if (HourAndAHalf().IsMatch(lower))
        {
            minutes.Add(90);
        }
        else if (HalfHour().IsMatch(lower))
        {
            minutes.Add(30);
        }
        else if (OneHour().IsMatch(lower))
        {
            minutes.Add(60);
        }
        return minutes;
    }

    private static LengthCue LengthOf(string text)
    {
        var shorter = text.Contains("shorter", StringComparison.OrdinalIgnoreCase);
        var longer = text.Contains("longer", StringComparison.OrdinalIgnoreCase);
        if (shorter != longer)
        {
            return shorter ? LengthCue.Shorter : LengthCue.Longer;
        }
        var shortish = text.Contains("short", StringComparison.OrdinalIgnoreCase) || text.Contains("quick", StringComparison.OrdinalIgnoreCase);
        var longish = text.Contains("long", StringComparison.OrdinalIgnoreCase);
        return shortish == longish ? LengthCue.None : shortish ? LengthCue.Shortest : LengthCue.Longest;
    }

    private static int CountOf(string n) => n.ToLowerInvariant() switch { "three" or "3" or "tres" => 3, "four" or "4" or "cuatro" => 4, _ => 2 };

    /// <summary>The words of a head count said with a plural ("two swedish massages", "2 gel manicures"), to keep it out of the time.</summary>
    public static Match HeadCountIn(string text) => HeadCount().Match(text);

    /// <summary>Something more is asked beside an answer ("yes and also …"): <see cref="AlsoAsks"/> for a text not read whole.</summary>
    public static bool AlsoAsksIn(string text) => AlsoCue().IsMatch(text);

    private static string? BareName(string text)
    {
        // "its chloe", "this is ben carter", "im jenny park": the name without the words that introduce it.
        var words = NameIntro().Replace(text.Trim(), "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 4 || !words.All(w => w.All(c => char.IsLetter(c) || c is '-' or '\'' or '.')))
        {
            return null;
        }
        return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    // What the assistant can do, asked of it: "what can you help me with?", "what kind of things can i ask you", "what
    // sort of things can you assist me with", "how can you assist me today", "what skills do you have", and who it works
    // for. Not "what can you do for acne scars" (the spa's treatments): the help asked about ends the message or is things
    // to ask. Not "who is your manager": asking for a person is asking for one.
    [GeneratedRegex(@"\bwhat\s+(?:else\s+|exactly\s+)?(?:can|could|do)\s+(?:you|u)\s+(?:exactly\s+|actually\s+)?(?:help\s+(?:me\s+|us\s+)?(?:with|out\s+with)|assist\s+(?:me\s+|us\s+)?with|do)(?:\s+for\s+(?:me|us))?\s*[?.!]*\s*$"
        + @"|\bwhat\s+(?:else\s+|exactly\s+)?(?:are|r)\s+(?:you|u)\s+(?:able|capable)\s+(?:to|of)\s+(?:help(?:ing)?(?:\s+(?:me|us))?(?:\s+(?:with|out\s+with))?|do(?:ing)?|answer(?:ing)?|assist(?:ing)?(?:\s+(?:me|us))?(?:\s+with)?)(?:\s+(?:for\s+(?:me|us)|today|here))?\s*[?.!]*\s*$"
        + @"|^\W*(?:so\s+|ok(?:ay)?\s+|hi\s+|hey\s+|hello\s+)?how\s+(?:can|could|will|would)\s+(?:you|u)\s+(?:help|assist)(?:\s+(?:me|us))?(?:\s+(?:today|here|now))?\s*[?.!]*\s*$"
        + @"|\bwhat\s+(?:skills|abilities|capabilities)\s+(?:do|does)\s+(?:you|u)\s+have\b"
        + @"|\b(?:what|which)\s+(?:are\s+the\s+)?(?:kinds?|sorts?|types?)\s+of\s+(?:things|questions|stuff|tasks|requests)\s+(?:can|could|do|will|would|are)\s+(?:you|u|i)\b"
        + @"|\bwhat\s+(?:are\s+the\s+)?(?:kinds?|sorts?|types?)\s+of\s+things\s+(?:you|u)\s+(?:can|could|are\s+able\s+to|would\s+be\s+able\s+to)\b"
        // Who it works for: "who do you actually work for", "are you employed by the spa", "who's in charge of you".
        + @"|\b(?:who|whom)\s+(?:do|does)\s+(?:you|u)\s+(?:actually\s+|really\s+)?(?:work|report)\s+(?:for|to)\b|\b(?:you|u)\s+work\s+for\s+whom\b"
        + @"|\bwho(?:'s|s|\s+is)?\s+in\s+charge\s+of\s+(?:you|u)\b|\bwho\s+(?:pays?|owns|runs|employs|operates)\s+(?:you|u)\b|\bwho\s+pays?\s+your\s+salary\b"
        + @"|\b(?:are|r)\s+(?:you|u)\s+(?:employed|owned|run|operated)\s+by\b|\bdo\s+(?:you|u)\s+have\s+an?\s+employer\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatTheAssistantDoes();

    // What the date is, asked outright: "what's today's date", "what day is it", "today is what date", "what's the date this
    // friday". Not "what day is my appointment" nor "what day works best": the day asked about is today, tomorrow or a
    // day of the week, or nothing at all.
    [GeneratedRegex(@"\bwhat(?:'s|s|\s+is)\s+(?:the\s+)?(?:date|day)\s+(?:today|tomorrow|(?:on\s+|this\s+|next\s+|of\s+)?(?:mon|tues?|wednes|thurs|fri|satur|sun)day)\b"
        + @"|\bwhat(?:'s|s|\s+is)\s+(?:today'?s|tomorrow'?s)\s+date\b|\b(?:need\s+to\s+know|(?:tell|give|show)\s+me)\s+(?:what\s+)?(?:today'?s|tomorrow'?s)\s+date\b"
        + @"|\bwhat\s+(?:date|day)\s+is\s+(?:it|today|tomorrow)(?:\s+today)?\s*[?.!]*\s*$|\b(?:today|tomorrow)\s+is\s+what\s+(?:date|day)\b"
        + @"|\bwhat\s+date\s+is\s+(?:this\s+|next\s+|on\s+)?(?:mon|tues?|wednes|thurs|fri|satur|sun)day\b|^\W*what(?:'s|s|\s+is)\s+(?:the\s+)?date(?:\s+today)?\s*[?.!]*\s*$|^\W*what(?:'s|s|\s+is)\s+today\s*[?.!]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateQuestion();

    // The pace or the voice asked of the assistant: "slow down please", "can you talk slower", "speak more slowly to me",
    // "speak faster", "at a normal speed", "whisper". Not "slow down the massage" (the treatment's pressure is for the FAQ).
    [GeneratedRegex(@"^\W*(?:(?:whoa|woah|hey|ok(?:ay)?|please|pls|sorry|um+|uh+)\W+)*(?:slow\s+(?:it\s+)?down|whisper)\b(?:\W+(?:please|pls|a\s+(?:bit|little)|for\s+me|lol))*\W*$"
        + @"|\b(?:talk|speak|go)\s+(?:a\s+(?:bit|little)\s+|more\s+|much\s+)?(?:slow(?:er|ly)?|fast(?:er)?|quick(?:er|ly)?|louder|softer|quieter)\b|\b(?:talk|speak)\s+(?:at|in)\s+a\s+(?:normal|regular)\s+(?:speed|pace)\b|\bwhisper\s+from\s+(?:here|now)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PaceAsked();

    // A wrong number said alone, with an apology or a word of what was meant: "sorry wrong number", "oops, wrong number my
    // bad", "i think i have the wrong number", "perdon numero equivocado" (read into English as "wrong number").
    [GeneratedRegex(@"^\W*(?:(?:oh|oops|whoops|sorry|so+rry|my\s+bad|ah|hi|hey|hello|ok|perd[oó]n|perdona|disculpe|lo\s+siento)\W+)*(?:i\s+(?:think\s+)?(?:i\s+)?(?:have|got|dialed|texted|called|messaged)\s+)?(?:the\s+|a\s+)?wrong\s+(?:number|#|person)(?:\W+(?:sorry|my\s+bad|oops|lo\s+siento|perd[oó]n|disculpe|thanks|bye|lol))*(?:\W+(?:i\s+)?meant\s+to\s+[a-z ]{1,40})?\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WrongNumberSaid();

    // Another business asked for by its trade (round 32: "is this the nail place on main st", "is this the dentist" were
    // declined): a wrong number, let go kindly with the spa's name. Never a trade of the spa's own (a spa, massage, skin, laser).
    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|um+|uh+|sorry|oh)\W+)*(?:is\s+this|is\s+that|am\s+i\s+(?:speaking|talking)\s+(?:to|with)|did\s+i\s+(?:reach|call|get))\s+(?:the\s+|a\s+|an\s+)?(?:nail\s+(?:place|salon|spa|shop)|nail\s+salon|hair\s+(?:salon|place)|barber(?:\s*shop)?|dentist'?s?(?:\s+office)?|dental\s+(?:office|clinic)|doctor'?s?(?:\s+office)?|dr\.?\s+\w+'?s?(?:\s+office)?|pharmacy|vet'?s?|veterinar\w+|pizza\s*\w*|restaurant|pediatrician'?s?|chiropractor'?s?|tattoo\s+(?:shop|parlou?r)|auto\s+shop|mechanic'?s?|insurance\s+(?:company|office)|law\s+office|lawyer'?s?)\b[^?]{0,40}\?*\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherBusinessAsked();

    // A provider of a gender asked for (rounds 31 and 32): "a male therapist", "female massage therapist", "una masajista mujer".
    [GeneratedRegex(@"\b(?:female|male|woman|women|lady|man|guy)\s+(?:massage\s+)?(?:therapists?|providers?|estheticians?|aestheticians?|injectors?|practitioners?|masseuses?|masseurs?|nurses?|staff)\b|\b(?:masajista|terapeuta|esteticista|cosmetologa|enfermera|enfermero|therapist|massage\s+therapist|esthetician)\s+(?:que\s+sea\s+|who\s+is\s+(?:a\s+)?|that\s+is\s+(?:a\s+)?)?(?:mujer|hombre|femenina|femenino|masculino|female|male|woman|man)\b|\b(?:una|un)\s+(?:mujer|hombre)\s+(?:que|para)\s+(?:me\s+)?(?:atienda|haga|de)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProviderOfAGender();

    // Questions to the assistant about itself as a person ("what should i call you", "a name i can call you"). Not "your boss", "your manager" or "your supervisor": asking
    // for them is asking for a person. "you" alone is the spa ("do you have parking"), so the words say it is the assistant.
    [GeneratedRegex(@"\b(?:(?:what'?s|what\s+is|tell\s+me|can\s+i\s+(?:ask|have|get|know)|may\s+i\s+(?:ask|have|know)|do\s+you\s+have)\s+(?:\w+\s+){0,3}?your\s+(?:name|nick\s?name|age|birthday|hobby|hobbies|home\s?town)\b(?!\s+(?:limit|limits|requirement|requirements|policy|restriction|restrictions|minimum|range|rule|rules|for|to)\b)|how\s+old\s+are\s+you|(?:what|which|who)\s+(?:\w+\s+){0,2}?(?:made|makes|manufactures|manufactured|created|built|designed|programmed|invented)\s+you\b(?!\s+(?:wait|waiting|feel|think|cancel|come|pay|do|go|leave|book|change|move|call|sick|sign))|responsible\s+for\s+(?:your\s+design|designing\s+you|making\s+you|creating\s+you)|(?:start\s+calling|can\s+i\s+call|ill\s+call|i'?ll\s+call|(?:like|want|love)\s+to\s+call)\s+you\s+(?!back\b|later\b|tomorrow\b|today\b|now\b|again\b|at\b|on\b|about\b|when\b|if\b|to\b|in\b|and\b|guys\b|all\b|after\b|before\b|first\b|soon\b|from\b)\w+|where\s+(?:are|were)\s+you\s+(?:from|born|raised)|where\s+do\s+(?:you|u)\s+(?:live|come\s+from)\b|what\s+do\s+you\s+(?:like\s+to\s+do|do)\s+(?:for\s+fun|in\s+your\s+(?:free|spare)\s+time|with\s+your\s+(?:free|spare)\s+time)|when\s+you\s+have\s+(?:free|spare)\s+time,?\s+what|what\s+are\s+you\s+interested\s+in|do\s+you\s+have\s+(?:any\s+)?(?:hobbies|a\s+boyfriend|a\s+girlfriend|feelings))"
        + @"|\b(?:what|how)\s+should\s+(?:i|we)\s+call\s+(?:you|u)\b|\bname\s+(?:i|we)\s+(?:should|can|could|may)\s+(?:call|use\s+for)\s+(?:you|u)\b|\bcan\s+i\s+rename\s+(?:you|u)\b"
        // What to call it and where it comes from (round 20, from CLINC's dev rows that had been noted for the team): "what name
        // should i use to address you", "can i start calling you dave", "where's your place of birth", "what do you do in your
        // free time". Not "can i call you back" nor "where are you" (the spa's place).
        + @"|\bnames?\b[^.?!]{0,30}\b(?:call|address|refer\s+to)\s+(?:you|u)\b|\b(?:call|address)\s+(?:you|u)\s+(?:by\s+the\s+name|as)\b|\b(?:begin|start)\s+calling\s+(?:you|u)\b"
        + @"|\bway\s+(?:you|u)\s+(?:like|want|prefer)\s+to\s+be\s+(?:called|referred\s+to|addressed)\b|\byour\s+(?:birth\s*place|place\s+of\s+birth|designation|creator|maker)\b"
        + @"|\bwhere\s+(?:were|was)\s+(?:you|u)\s+(?:born|made|created|built|designed)\b|\bwhere'?s\s+home\s+for\s+(?:you|u)\b|\bwhat\s+(?:do\s+)?(?:you|u)\s+do\s+(?:in|at|with)\s+(?:your\s+|the\s+)?free\s+time\b"
        // "who is this?" alone (not "who is this for"), "who am i texting with", "con quien hablo"
        + @"|^\W*(?:(?:hi|hey|hello|sorry|um+|uh+|wait|ok|umm)\W+)*(?:who\s+is\s+this|who'?s\s+this|whos\s+this|who\s+(?:dis|dat|this)|quien\s+es|quien\s+habla)\W*$|\bwho\s+am\s+i\s+(?:talking|texting|speaking|chatting)\s+(?:to|with)\b|\bcon\s+quien\s+(?:hablo|estoy\s+hablando)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssistantAsAPerson();

    // No match timeout, like the rest of the understanding's patterns: a message is at most 2,000 characters and these
    // patterns have no nested repetition, while a wall-clock timeout fails a turn on a starved machine (a generated
    // matcher's first run was JIT-compiled inside its 250 ms in the race bench).
    [GeneratedRegex(@"^(?:oh\s+|hi\s+|hey\s+)?(?:it'?s|this\s+is|i'?m|i\s+am|my\s+name\s+is|name'?s|(?:it'?s\s+)?under)\s+(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameIntro();

    [GeneratedRegex(@"\b(?:keep|leave)\s+(?:it|that|this|the\s+appointment|my\s+appointment)(?:\s+(?:as\s+(?:it\s+)?is|where\s+it\s+is|then|please|pls|for\s+now))?\b(?!\s+(?:at|for|on|to|with|up|down|going|coming|short|simple|and\s+(?:move|make|change|book)))|\bdon'?t\s+(?:cancel|move|change)\s+(?:it|that|anything)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeepAsIs();

    [GeneratedRegex(@"^\W*(?:(?:sorry|pardon|excuse\s+me|um+|uh+|what|huh|oh|wait|ok(?:ay)?|yes|yeah|sure|si|but|pero)\W+)*(?:what\s+(?:time|day)\s+(?:was|is)\s+(?:it|that)(?:\s+again)?|when\s+was\s+(?:it|that)(?:\s+again)?|(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?(?:repeat|say)\s+(?:that|it|those|them|the\s+times|what\s+you\s+said)(?:\s+again)?|(?:please\s+)?(?:repeat|say)\s+(?:that|it|those|them|the\s+times)(?:\s+again)?|come\s+again|repeat(?:\s+please)?|one\s+more\s+time|what\s+(?:were|are)\s+(?:the|those)\s+times(?:\s+again)?|what\s+was\s+that|what\s+did\s+(?:you|u)\s+(?:just\s+)?say|(?:i\s+)?did\s*n'?t\s+(?:catch|hear|get)\s+(?:that|it|you)|sorry\W+what|pardon(?:\s+me)?)(?:\s+(?:please|pls|again|for\s+me))*\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Repeat();

    // "lol what", "huh??", "wait what", "what do you mean", "im confused", "que?", "¿mande?", "no entiendo" — nothing else.
    [GeneratedRegex(@"^\W*(?:(?:lol|lmao|haha+|um+|uh+|oh|wait|hmm+|sorry|perdon|perdón|eh)\W+)*(?:wh?at+|wut|wat|huh+|eh+|que|qu[eé]|c[oó]mo|mande|what\s+do\s+(?:you|u)\s+mean|what\s+does\s+that\s+mean|(?:i'?m|im|i\s+am)\s+(?:so\s+|kinda\s+|a\s+bit\s+)?(?:confused|lost)|i\s+(?:do\s*n'?t|dont)\s+(?:understand|get\s+(?:it|that))|no\s+(?:le\s+|te\s+|lo\s+)?entiendo|no\s+entend[ií]|c[oó]mo\s+as[ií]|what\s+is\s+that|what'?s\s+that)(?:\W+(?:lol|lmao|haha+|\?+))*\W*$|^\s*\?{1,4}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Confusion();

    // A place described by what is near it, not named: "the one by the water", "the location near the park", "la que está
    // junto al agua", "la sucursal cerca del parque".
    [GeneratedRegex(@"\b(?:one|location|place|spot|branch|spa|office|studio|salon|la\s+que|el\s+que|sucursal|lugar|local)\b(?:\s+(?:that'?s|thats|that\s+is|which\s+is|is|est[aá]|queda|que\s+est[aá]|que\s+queda|over|down|right|up))?\s+(?:by|near|next\s+to|close\s+to|across\s+from|beside|on|off|junto\s+al?|cerca\s+del?|frente\s+al?|al\s+lado\s+del?|por)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?(?:water|waterfront|beach|bay|ocean|sea|park|pier|harbou?r|lake|river|mall|freeway|highway|bridge|station|stadium|ballpark|hospital|university|college|campus|airport|agua|playa|bah[ií]a|mar|parque|muelle|lago|r[ií]o|puente|estaci[oó]n|estadio|universidad|aeropuerto)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceDescribed();

    // "any openings in new york city?", "do you have anything in boston this week", "are you guys in oakland", "tienen citas
    // en miami?" (read into English or not): the place is the one to three words before the end, a day or "this…".
    [GeneratedRegex(@"(?:\b(?:openings?|availability|available|appointments?|appts?|spots?|slots?|citas?|espacios?|locations?|branch(?:es)?|sucursal(?:es)?|offices?|anything|something|algo|spas?)\b[^.?!]{0,30}?|\b(?:are|r)\s+(?:you|u|yall)\s+(?:guys\s+)?(?:located\s+|based\s+)?|\bestan\s+(?:ubicados\s+)?|\best[aá]n\s+)\b(?:in|en|at|near|around|cerca\s+de)\s+(?<place>[a-z][a-z'.-]+(?:\s+[a-z][a-z'.-]+){0,2}?)\s*(?:[?!.,]|$|\s+(?:this|next|today|tonight|tomorrow|tmrw|on|for|at|or|and|too|anytime|sometime|soon|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|esta|este|el|hoy|ma[nñ]ana|pronto|por|o|y)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceAfterInPattern();

    // Words that are no place: "in the morning", "in an hour", "in person", "in spanish", "in december", "in town".
    private static readonly HashSet<string> NotAPlace = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "my", "your", "our", "this", "that", "these", "those", "some", "any", "person", "spanish", "english", "espanol", "español",
        "ingles", "inglés", "town", "morning", "afternoon", "evening", "night", "mornings", "afternoons", "evenings", "week", "weeks", "month",
        "months", "day", "days", "hour", "hours", "minute", "minutes", "min", "mins", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
        "la", "las", "los", "el", "un", "una", "mi", "su", "semana", "semanas", "mes", "meses", "dia", "dias", "día", "días", "hora", "horas",
        "persona", "linea", "línea", "line", "advance", "general", "particular", "total", "case", "fact", "between", "mind", "store", "stock",
        "time", "there", "here", "it", "them", "us", "you", "me", "one", "two", "both", "either", "which", "what", "where",
        "full", "half", "about", "like", "order", "touch", "detail", "details", "writing", "cash", "private", "public",
        "noon", "midday", "lunch", "lunchtime", "night", "once", "all", "least", "most", "first", "last", "earliest", "latest", "same", "another",
        "different", "other", "either", "whichever", "whatever", "home", "work", "his", "her", "their", "its", "yours", "mine",
        // "i have an appt at 2 but im stuck in traffic" (round 30): where the person is, not a place asked about.
        "traffic", "hurry", "rush",
    };

    // "miami?", "new york?", "in dallas?", "en miami?": the whole message a place, asked.
    [GeneratedRegex(@"^\W*(?:(?:and|y|what\s+about|how\s+about)\s+)?(?:(?<in>in|en|at|near|around|cerca\s+de)\s+)?(?<place>[a-z][a-z'.-]*(?:\s+[a-z][a-z'.-]*){0,2})\s*\?+\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BarePlacePattern();

    // Short questions that are no place: "really?", "why?", "ok?".
    private static readonly HashSet<string> NotAPlaceAlone = new(StringComparer.OrdinalIgnoreCase)
    {
        "really", "seriously", "why", "how", "when", "who", "huh", "hmm", "ok", "okay", "cool", "thanks", "wow", "sorry", "hello", "hi", "hey", "yes",
        "no", "yeah", "sure", "right", "what", "que", "qué", "si", "sí", "where", "donde", "dónde", "again", "now", "then", "so", "is", "are", "do",
        "can", "and", "or", "please", "pls", "open", "closed", "free", "available", "parking", "price", "cost", "address", "hours", "there", "here",
    };

    private static string? BarePlaceOf(string text, out bool withIn)
    {
        withIn = false;
        var m = BarePlacePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }
        var place = m.Groups["place"].Value.Trim().TrimEnd('.');
        var words = place.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => NotAPlace.Contains(w) || NotAPlaceAlone.Contains(w)))
        {
            return null;
        }
        withIn = m.Groups["in"].Success;
        return place;
    }

    private const string GroupCount = @"(?<n>[0-9]{1,2}|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta)";

    // "5 of us", "party of 8", "for 6 people", "there's four of us", "we're 5", "somos 4 amigas", "para 6 personas", "de 8
    // personas" (round 31).
    [GeneratedRegex(@"\b" + GroupCount + @"\s+of\s+us\b|\b(?:party|group)\s+of\s+" + GroupCount + @"\b|\b(?:for|para|of|de)\s+(?:(?:like|about|around|maybe|roughly|approx(?:imately)?|como|unas|unos)\s+)?" + GroupCount
        + @"\s+(?:people|persons|ppl|guests|ladies|girls|guys|friends|women|bridesmaids|personas|amigas|amigos|chicas)\b|\b(?:we'?re|we\s+are|somos)\s+" + GroupCount
        + @"\b(?!\s*(?:am|pm|o'?clock|minutes|mins|min|years|a[nñ]os)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroupCountPattern();

    // A wedding or bachelorette group, however many: "the bridal party", "bachelorette", "my bridesmaids", "despedida de soltera".
    [GeneratedRegex(@"\b(?:bridal\s+party|wedding\s+party|bachelorette|bridesmaids|despedida\s+de\s+soltera|damas\s+de\s+honor)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeddingGroup();

    private static int? GroupOf(string text)
    {
        var m = Prefiltered.GroupCount.Match(text);
        var n = m.Success ? (int.TryParse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture, out var digits) ? digits : CountWord(m.Groups["n"].Value)) : 0;
        // A bridal party with no head count said is a group; "theres 3 of us … bachelorette thing" is three.
        if (!m.Success && !Prefiltered.Party.IsMatch(text) && !HeadCount().IsMatch(text) && WeddingGroup().IsMatch(text))
        {
            n = 4;
        }
        return n >= 4 ? n : null;
    }

    private static int CountWord(string word) => word.ToLowerInvariant() switch
    {
        "four" or "cuatro" => 4, "five" or "cinco" => 5, "six" or "seis" => 6, "seven" or "siete" => 7, "eight" or "ocho" => 8, "nine" or "nueve" => 9,
        "ten" or "diez" => 10, "eleven" or "once" => 11, "twelve" or "doce" => 12, "fifteen" or "quince" => 15, "twenty" or "veinte" => 20,
        "thirty" or "treinta" => 30, _ => 0,
    };

    private static string? PlaceAfterIn(string text)
    {
        var m = Prefiltered.PlaceAfterIn.Match(text);
        if (!m.Success)
        {
            return null;
        }
        var place = m.Groups["place"].Value.Trim().TrimEnd('.');
        return place.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(NotAPlace.Contains) ? null : place;
    }

    // "the 60 min", and on a call "the sixty minute one" (a length said in words).
    [GeneratedRegex(@"\b(?:(?<n>[0-9]{2,3})|(?<w>thirty|forty[- ]?five|sixty|ninety))\s*-?\s*(?:min|mins|minute|minutes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaidMinutes();

    [GeneratedRegex(@"\b(?:an?|one)\s+hour\s+and\s+a\s+half\b|\bhour\s+and\s+a\s+half\b|\b1\.5\s+hours?\b", RegexOptions.CultureInvariant)]
    private static partial Regex HourAndAHalf();

    [GeneratedRegex(@"\bhalf\s+(?:an\s+)?hour\b", RegexOptions.CultureInvariant)]
    private static partial Regex HalfHour();

    // "swedish, just the hour", "swedish, the hour": the hour-long one (not "within the hour").
    [GeneratedRegex(@"\b(?:(?:an?|one|1)\s+hour(?:\s+long)?|(?:the\s+)?hour(?:\s+|-)(?:ones?|long)|(?:just|only)\s+the\s+hour)\b|,\s*the\s+hour\s*[.!]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OneHour();

    // "why do u need my number?", "what do you need my name for", "why do you want my phone" (Spanish, as glossed: "why do you need my number").
    [GeneratedRegex(@"\bwhy\s+(?:do|would|does)\s+(?:you|u|ya|it)\s+(?:guys\s+)?(?:need|want|ask\s+for)\s+(?:my|a|the)\s+(?:phone|number|cell|mobile|name|full\s+name|last\s+name)\b|\bwhat\s+(?:do|would)\s+(?:you|u)\s+need\s+my\s+(?:phone|number|cell|name)(?:\s+number)?\s+for\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhyDetail();

    // "did anything open up yet", "has a spot opened up", "any openings yet", "anything come up?" (Spanish "¿ya se abrió algo?" as glossed).
    // Also "am i still on it?", "still on the list?", Spanish "¿sigo en la lista?": the same look-up answers it ("You're still on the waitlist").
    [GeneratedRegex(@"\b(?:am|r|are)\s+(?:i|we)\s+still\s+on\s+(?:it|there|the\s+(?:wait\s*-?\s*)?list|your\s+(?:wait\s*-?\s*)?list)\b|\bstill\s+on\s+the\s+(?:wait\s*-?\s*)?list\b|\bsigo\s+(?:en|on)\s+(?:la|the)\s+(?:lista|list)\b|\b(?:did|has|have)\s+(?:anything|something|a\s+(?:spot|slot|time|place))\s+(?:open(?:ed)?|come)\s*(?:up)?\b|\banything\s+(?:open(?:ed)?|come)\s+up\b|\bany\s+(?:openings?|cancell?ations?|spots?)\s+(?:yet|now|come\s+up|open(?:ed)?\s+up)\b|\bstill\s+(?:nothing|no\s+openings?)\b|\bany\s+luck\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenedUp();

    [GeneratedRegex(@"(?:\b(?:me|myself|yo|m[ií])\s*,?|\bmy\s*,)\s+(?:(?:and|y)\s+)?(?:my|mi)\s+\p{L}+(?:\s+(?!and\b|y\b)\p{L}+)?\s*,?\s+(?:and|y|&|\+)\s+(?:my|mi)\s+\p{L}+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeAndTwoOthers();

    // "whatever massage is cheapest", "the least expensive facial", "your lowest priced massage"; Spanish "el facial mas
    // barato", "la limpieza más económica", "el mas barato" (the superlative: an article, read into "the", before it; not a
    // pronoun: "me la dejas mas barata?" is a discount, the screen's), not "es mas barato?" (comparing two, ComparesPrice).
    [GeneratedRegex(@"\b(?:cheapest|least\s+expensive|lowest[\s-]+pric(?:e|ed))\b|(?<!\b(?:me|te|se|nos|le|les)\s+)\b(?:the|el|la|los|las)\s+(?:\w+\s+){0,3}?m[aá]s\s+(?:barat[oa]s?|econ[oó]mic[oa]s?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheapestOne();

    // "take me off", "remove me from the list", "i'll pass, drop me from the waitlist", "sacame de la lista", "quitame de la lista".
    [GeneratedRegex(@"\b(?:take|get|drop|remove|cross|scratch)\s+me\s+(?:off|out)\b|\bremove\s+me\b|\b(?:off|out\s+of)\s+(?:the|your|that)\s+(?:wait\s*-?\s*)?list\b|\b(?:s[aá]ca|qu[ií]ta|b[oó]rra)me\s+de\s+la\s+lista\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffTheList();

    [GeneratedRegex(@"\b(?:me\s+(?:and|n|&|\+)\s+(?:my|a)\s+[a-z]+|my\s+(?:sister|brother|friend|mom|mother|dad|daughter|son|husband|wife|partner|boyfriend|girlfriend|bf|gf|hubby|bff|cousin|aunt|niece|bestie)\s+(?:and|n|&)\s+(?:i|me)|(?:both|(?:the\s+)?(?<n>two|three|four|2|3|4)|all)\s+of\s+us|(?:for\s+)?(?<n>two|2|three|3|four|4)\s+(?:people|persons|ppl|of\s+us)|(?:we|us)\s+(?:both|two)|[a-z]+\s+and\s+me\s+(?:both|together)|for\s+my\s+[a-z]+\s+and\s+(?:me|i|myself)|my\s+[a-z]+\s+and\s+i\b|^\W*(?:(?:hi|hey|so|ok|okay)\W+)?(?:hubby|wifey|husband|wife|bf|gf|boyfriend|girlfriend|partner|fiance|fiancee)\s+(?:and|n|&|\+)\s+(?:i|me)\b)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Party();

    [GeneratedRegex(@"\b(?:the\s+)?same\s+(?:thing|one|service|treatment|appointment|again|time|slot)\b|\b(?:the\s+)?same\s+for\b|\bsame\s*[?.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SameThing();

    /// <summary>
    /// The last digits of a number said to be wrong and what they should be: "sorry its 0939 not 0938", "0939 not 0938",
    /// "not 0938, 0939", "its 0939 at the end not 0938" (round 27). Null when the message says no such thing.
    /// </summary>
    public static (string Right, string Wrong)? DigitsCorrected(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (RightNotWrong().Match(text) is { Success: true } said)
        {
            return (said.Groups["right"].Value, said.Groups["wrong"].Value);
        }
        if (WrongThenRight().Match(text) is { Success: true } m)
        {
            return (m.Groups["right"].Value, m.Groups["wrong"].Value);
        }
        if (LastDigitsAre().Match(text) is { Success: true } last)
        {
            // "oh sorry, the last part is zero one one three", "los últimos cuatro son 0113" (round 35): the number's end, said
            // in digits or digit words; Wrong is empty (whatever ended the number).
            var digits = string.Concat(last.Groups["right"].Value.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries)
                .Select(w => char.IsDigit(w[0]) ? w : NumberWords.Digit(w.ToLowerInvariant()) is >= 0 and var d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?"));
            return digits.Length is >= 2 and <= 4 && digits.All(char.IsDigit) ? (digits, "") : null;
        }
        return null;
    }

    [GeneratedRegex(@"\b(?:the\s+)?last\s+(?:part|bit|four|4|two|2|digits|numbers)(?:\s+(?:digits|numbers))?\s+(?:is|are|should\s+be|was|were)\s+(?<right>(?:(?:\d{1,4}|zero|oh|one|two|three|four|five|six|seven|eight|nine)[\s,-]*){1,4})\W*$|\b(?:los\s+)?[uú]ltimos\s+(?:cuatro|4|dos|2|d[ií]gitos|n[uú]meros)(?:\s+(?:d[ií]gitos|n[uú]meros))?\s+(?:son|eran|deben\s+ser)\s+(?<right>\d{2,4})\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastDigitsAre();

    /// <summary>
    /// Two or more people to be seen at once: "at the same time", "together", "side by side", "a couples massage", "a la vez",
    /// "al mismo tiempo", "juntos" (round 27); read beside a party of two or more.
    /// </summary>
    public static bool TogetherAsked(string text) => Together().IsMatch(text);

    [GeneratedRegex(@"\b(?:at\s+the\s+same\s+time|same\s+time\s+as\s+(?:me|her|him|each\s+other)|together|side\s+by\s+side|couples?\s+(?:massage|room|treatment|facial)s?|a\s+la\s+vez|al\s+mismo\s+tiempo|juntos|juntas)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Together();

    /// <summary>
    /// An earlier day asked for, beside times on offer: "anything sooner", "do you have something sooner", "sooner than that?",
    /// "earlier in the week", "algo antes" glossed "something sooner" (round 27). "anything earlier" is an earlier time.
    /// </summary>
    public static bool SoonerAsked(string text) => Sooner().IsMatch(text);

    [GeneratedRegex(@"\b(?:anything|something|any|nothing|a\s+day|any\s+day|day|slots?|times?|openings?|availability|one)\s+(?:a\s+(?:bit|little)\s+)?sooner\b|\bsooner\s+than\s+(?:that|saturday|sunday|monday|tuesday|wednesday|thursday|friday|then)\b|\bearlier\s+in\s+the\s+week\b|\ban\s+earlier\s+day\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Sooner();

    [GeneratedRegex(@"(?<![\d-])(?<right>\d{2,4})\b(?:\s+at\s+the\s+end)?,?\s+(?:not|no)\s+(?<wrong>\d{2,4})(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex RightNotWrong();

    [GeneratedRegex(@"\b(?:not|no)\s+(?<wrong>\d{2,4}),?\s+(?:it'?s\s+|its\s+|es\s+|sino\s+)?(?<right>\d{2,4})(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex WrongThenRight();

    // "¿qué días trabaja jordan?", "cuándo trabaja sofia" (round 28: the week, no day said);
    // "is sofia working saturday", "is jordan in on sunday", "does maya work tuesdays", "will priya be there friday", and the
    // Spanish read as it is written or glossed ("sofia trabaja el domingo", "sofia works the sunday"); round 36: "does maya work
    // weekends", "maya trabaja los fines de semana", "la dra kim está el viernes".
    [GeneratedRegex(@"\b(?:is|will|does)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:be\s+)?(?:working|work|in|around|there|available|on)\b|\b(?:trabaja|works|working)\s+(?:on\s+|el\s+|the\s+|this\s+|next\s+)?(?:mon|tue|wed|thu|fri|sat|sun|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|today|tomorrow|tmrw|hoy|ma[nñ]ana|weekends?|fines\s+de\s+semana)|\best[aá]\s+(?:el\s+|este\s+)?(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|hoy|ma[nñ]ana)\b|\b(?:qu[eé]\s+d[ií]as|cu[aá]ndo|what\s+days|which\s+days|when)\s+(?:trabaja|works|work)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorksAsked();

    // "does maya do facials", "can kenji do brows", "does dr kim do filler", "maya hace faciales?" (a provider's own work).
    [GeneratedRegex(@"\b(?:does|do|can|could)\s+(?:dr\.?\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:do|does|offer|give|perform|handle)\b|\b[a-z]+\s+hace\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoesAsked();

    // "both (of them)", "all of them", "all my appointments", "ambas", "the two (of them)", "the two to friday" (not "the two o'clock").
    [GeneratedRegex(@"\b(?:both|all\s+of\s+them|all\s+(?:of\s+)?(?:my|the|them|those)\s+(?:appointments?|appts?|bookings?|visits?)|all\s+(?:my|the)\s+(?:two|three)|ambas|todas)\b|\bthe\s+two(?:\s+of\s+them\b|\s+(?:appointments?|appts?|bookings?|please|pls|porfa)\b|\s+(?=to\s+(?:next|the|this|[a-z]+day)\b)|\s*[.,!?]|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllAppointments();

    // "i got lip filler on saturday", "i had a facial last week", "i came in for a massage", "hey had my filler done sat": one's
    // own past visit, said with "i" or at the start of a clause (so not "did you have", "what i had last time" is a request's).
    [GeneratedRegex(@"(?:\bi\s+(?:just\s+|already\s+|recently\s+)?(?:got|had|did|came\s+in\s+for|came\s+in|came\s+for|went\s+for|was\s+in\s+for)|(?:^|[.,!;]\s*|\b(?:hi|hey|hello|so|yeah|um|ok|okay)\s+)(?:just\s+)?(?:got|had))\s+(?:my|a|an|the|some|lip|botox|filler|el|la|un|una|\w+\s+(?:done|with|there|at))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastOwnVisit();

    // "last saturday", "yesterday", "2 weeks ago", "earlier today", "ayer", "anteayer", "el sábado pasado", "la semana pasada".
    [GeneratedRegex(@"\b(?:last|yesterday|ago|earlier|ayer|anteayer|pasad[oa]s?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastDay();

    // "i have a facial on saturday", "i've got my massage friday", "tengo un facial el sábado" (glossed "i have"): a service
    // word and a day after "i have", at the start of a clause; not "i have a question", "do i have", "i have to".
    [GeneratedRegex(@"(?:^|[.,!;]\s*|\b(?:hi|hey|hello|hola|so|ok|okay|yeah)\W+)(?:i\s+(?:have|ve\s+got|'ve\s+got)|tengo)\s+(?:a|an|my|the|un|una|mi|el|la)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:on|this|el|este|for|tomorrow|mañana|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnAppointment();

    // A request or a day to come beside a past visit: "and want another one friday", "can i get", "any openings thursday";
    // a thing one got to spend ("i got a gift card and wanted to use it for a facial").
    [GeneratedRegex(@"\b(?:book|booking|want(?:ed|ing|s)?|wanna|hop(?:e|ed|ing)|gift\s*cards?|vouchers?|certificates?|use\s+(?:it|them)|would\s+like|i'?d\s+like|like\s+to|can\s+i|could\s+i|can\s+(?:you|u|we)|could\s+(?:you|u|we)|available|availability|openings?|appointment\s+for|again|another|next|need|looking\s+for|schedule|reserve|tomorrow|tonight|get\s+me|do\s+(?:you|u|ya)\s+have|any\s+(?:times?|slots?|spots?)|move|cancel|reschedule|change)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequestWord();

    // "too", "also", "as well", "another (one)", "one more", "a second one": an addition, not a change.
    [GeneratedRegex(@"\b(?:too|also|as\s+well|another|one\s+more|a\s+second\s+one)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneMore();

    // A word of a move: "instead", "move", "push", "change", "make it", "rather" ("en vez" reads "instead").
    [GeneratedRegex(@"\b(?:instead|move|moving|push|change|switch|shift|bump|reschedule|rather|make\s+it|mover|cambiar|en\s+vez)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoveWord();

    // "book me the same time next friday" (round 23): a booking verb is another booking too; only a move word makes it a move.
    [GeneratedRegex(@"\b(?:book|reserve|schedule)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BookVerb();

    [GeneratedRegex(@"\b(?:what|which|any)\s+(?:other\s+days?|else\s+(?:do\s+(?:you|u)\s+(?:have|got)|is\s+(?:there|open|available)))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherDaysAsked();

    [GeneratedRegex(@"\b(?:my|a|our|her|his)\s+(?:friend|friends|sister|brother|mom|mother|mum|dad|daughter|son|husband|wife|partner|boyfriend|girlfriend|bf|gf|hubby|bff|bestie|cousin|aunt|niece|coworker|roommate)\b|\b(?:someone|somebody)\s+else\b|\banother\s+person\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnotherPerson();

    [GeneratedRegex(@"\b(?:right|straight|just|directly|immediately)\s+after\b|\bafter\s+(?:mine|me|my\s+(?:appointment|appt|one|booking|slot|turn))\b|\bback\s+to\s+back\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RightAfterCue();

    // "two swedish massages", "2 gel manicures": a number with a plural that is not a unit of time or a list of choices,
    // nor a verb ("3 works", "2 sounds good": a time).
    [GeneratedRegex(@"\b(?<n>two|2|three|3|four|4)\s+(?:[a-z]+\s+){0,2}(?!(?:hours|hrs|minutes|mins|days|weeks|months|times|things|questions|options|slots|ones|pm|am|o'?clock|works|suits|fits|sounds|seems|looks|does)\b)[a-z]{3,}s\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadCount();

    // "me and my 2 friends", "me n my two sisters", "i and my 3 coworkers": the others counted, and the person too (round 25).
    [GeneratedRegex(@"\b(?:me|i|myself)\s+(?:and|n|&|\+)\s+(?:my\s+)?(?<n>two|2|three|3)\s+(?:friends|sisters|brothers|girlfriends|girls|coworkers|cousins|daughters|kids|besties|bridesmaids)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeAndFriends();

    // "somos tres amigas", "we are 3", "we're two": how many the party is, said outright (round 25).
    [GeneratedRegex(@"\b(?:we\s+are|we'?re|somos)\s+(?<n>two|2|three|3|four|4|dos|tres|cuatro)\b(?!\s*(?:pm\b|am\b|o'?clock|:))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeAre();

    [GeneratedRegex(@"\b(?:some(?:one|body)\s+else|any(?:one|body)\s+(?:else|but)|a\s+different\s+(?:person|provider|therapist|esthetician|tech|technician|someone)|another\s+(?:person|provider|therapist|esthetician|tech|technician)|other\s+(?:person|provider|therapist)|not\s+with\s+(?:her|him|them))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SomeoneElse();

    [GeneratedRegex(@"\b(?:what'?s|whats|what\s+is)\s+(?:the\s+)?latest\b|\blatest\s+(?:one\s+)?(?:you\s+have|you\s+got|you'?ve\s+got|u\s+have|u\s+got|opening|appointment|time|slot|available)\b|\bhow\s+late\s+(?:can|do|does|is)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LatestOpening();

    [GeneratedRegex(@"\b(?:of\s+(?:those|these|them|the\s+ones)|one\s+of\s+those|on\s+the\s+list)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfThose();

    [GeneratedRegex(@"^\s*(?:and\s+|what\s+about\s+|how\s+about\s+)?(?:the\s+)?(?:one|time|slot)\s+after(?:\s+that)?\s*\??\s*$|^\s*(?:and\s+)?(?:the\s+)?next\s+(?:one|time|slot|opening)\s*\??\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TheOneAfter();

    [GeneratedRegex(@"\bsame\s+(?:girl|guy|lady|woman|man|person|therapist|esthetician|provider|tech|technician|injector|nurse|one)\s+(?:as|like|i\s+(?:had|saw|got))\s+(?:i\s+(?:had|saw|got)\s+)?(?:last\s+time|before|last\s+visit|the\s+last\s+time)\b|\bwhoever\s+i\s+(?:had|saw|got)\s+(?:last\s+time|before)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProviderAsBefore();

    // "my usual", "same as last time", "book me again with Maya"; and the last visit itself asked about or pointed at: "who did my
    // facial last time?", "whoever i had last time", "same thing i got last time"; "what i had last month" (round 35).
    [GeneratedRegex(@"\b(?:(?:my|the)\s+usual|same\s+(?:\w+\s+){0,2}(?:as|like)\s+(?:last\s+time|before|usual|last\s+visit)|(?:same\s+)?(?:as|like)\s+last\s+(?:time|month|week|visit)|(?:book|get|have|put)\s+me\s+(?:in\s+)?again|again\s+with\s+[a-z]+|who\s+(?:did|gave|was|were|had)\s+(?:\w+\s+){0,3}last\s+(?:time|visit)|whoever\s+i\s+(?:had|saw|got)\s+(?:last\s+time|before)|same\s+(?:thing|one|service|treatment)\s+(?:that\s+)?i\s+(?:got|had|did)\s+(?:last\s+(?:time|month|week)|before)|what\s+i\s+(?:had|got|did)\s+(?:done\s+)?(?:last\s+time|before|last\s+visit|last\s+month|last\s+week))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsBefore();

    [GeneratedRegex(@"\bthe\s+(?:later|latter|last)(?:\s+(?:one|appointment|appt|booking))?\b|\b(?:later|last)\s+(?:one|appointment|appt)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TheLastOne();

    [GeneratedRegex(@"\bthat\s+(?:one|appointment|appt|booking)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThatOneCue();

    [GeneratedRegex(@"^\s*(?:(?:ok(?:ay)?|k+|sure|yes|yeah|yep|yup|ya|alright|all\s+right|right|mhm+|uh\s*huh|got\s+it|sounds\s+(?:good|great|perfect)|cool|great|perfect|awesome|nice|excellent|wonderful|lovely|fantastic|amazing|sweet|good|no\s+problem|of\s+course|will\s+do|hold\s+on|hang\s+on|(?:one|1|a|just\s+a)\s+(?:sec(?:ond)?|moment|min(?:ute)?)|sec|give\s+me\s+a\s+(?:sec(?:ond)?|moment|min(?:ute)?)|let\s+me\s+(?:check|see|look|find\s+it)|lemme\s+(?:check|see|look))[\s,.!]*)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AcknowledgementOnly();

    // "sorry just seeing this, yep ill be there", "ok we'll be there!", "see you then": the person says they are coming,
    // and nothing else (a reminder answered hours later). Each part is bounded: linear.
    [GeneratedRegex(@"^\W*(?:sorry\b[^.!?,]{0,30}[,.!]+\s*)?(?:(?:ok(?:ay)?|yes|yeah|yep|yup|sure|perfect|great|got\s+it)[\s,.!]+)?(?:(?:i'?ll|i\s+will|we'?ll|we\s+will|will)\s+be\s+there|see\s+(?:you|u|ya)\s+(?:then|tomorrow|tmrw|soon|there))[\s,.!]*(?:(?:thanks?|thank\s+you|thx|ty)[\s,.!]*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComingOnly();

    [GeneratedRegex(@"\b(?:difference|differ|compare|comparison|versus|vs\.?|what\s+(?:is|are)|what'?s|whats|what\s+does\s+(?:the\s+|a\s+)?[\w\s]{1,30}?\s+(?:do|include|involve|feel\s+like)|tell\s+me\s+(?:more\s+)?about|which\s+(?:one\s+)?(?:is|would\s+be)\s+(?:better|best|right)|(?:do|would)\s+you\s+recommend)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatItIs();

    [GeneratedRegex(@"\bwhat\s+(?:(?:kinds?|types?|sorts?)(?:\s+of\s+(?:services?|treatments?|stuff|things))?|services?|treatments?|else)\s+(?:do|can|are)?\s*(?:you|u|y'?all)\s+(?:guys\s+)?(?:have|offer|do|got|provide)\b|\bwhat\s+do\s+(?:you|u|y'?all)\s+(?:guys\s+)?(?:have|offer|do\s+there)\b|\bwhat\s+(?:services?|treatments?)\s+(?:are\s+)?(?:there|available|offered)\b|\b(?:see|send|have|get)\s+(?:me\s+)?(?:the\s+|a\s+|your\s+)?(?:menu|service\s+list|list\s+of\s+(?:services|treatments))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatWeOffer();

    [GeneratedRegex(@"\bfor\s+(?:the\s+|my\s+|your\s+|a\s+|an\s+)?\w{3,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForSomeone();

    [GeneratedRegex(@"^\s*(?:(?:hmm|oh|also|btw|quick\s+question)[\s,]+)?(?:is|are|can|could|do|does|should|will|would|what|how|where|when|why|may)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionStart();

    // "nothing later?", "anything a bit earlier", "any later ones": past the times on offer ("an hour later" is a move, read apart).
    [GeneratedRegex(@"\b(?:nothing|anything|something|any|none|no|slots?|times?|openings?|availability)\s+(?:(?:a\s+)?(?:bit|little|tad)\s+)?(?<way>later|earlier|sooner)\b|\b(?<way>later|earlier)\s+(?:in\s+the\s+day|that\s+day|on(?:\s+in\s+the\s+day)?)\b|\b(?:a|an)\s+(?<way>later|earlier)\s+(?:time|slot|one|appointment)\b|\bsomething\s+(?<way>later|earlier)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Nudged();

    // "any other times", "another time", "more options", "none of those (work)", "neither of those", "those dont work",
    // "anything else?", "what else do you have", "is there another time": not the times on offer, no direction given.
    // "ill try another time", "maybe some other time": a polite no, not a request for times.
    [GeneratedRegex(@"\b(?<!\b(?:try|back|call|maybe|it|come)\s+)(?:any|some|other|another|different|more)\s+(?:other\s+)?(?:times?|slots?|openings?|options?|availability)\b|\b(?:none|neither)(?:\s+(?:of\s+)?(?:those|them|these|one|works?|is\s+good))?\s*(?:[?.!]|$|\b(?:works?|is\s+good|are\s+good|fits?|suits?)\b)|\b(?:none|neither)\s+of\s+(?:those|them|these)\b|\b(?:those|these|they|that)\s+(?:times?\s+)?(?:do\s*n[o']?t|dont|don't|won'?t|wont|doesn'?t|does\s+not)\s+(?:work|suit|fit)\b|\bnot\s+(?:those|these)(?:\s+times)?\s*(?:[?.!]|$)|^\s*(?:hmm+\s+|ok\s+|and\s+)?(?:anything|something|nothing)\s+else\b|\bwhat\s+else\s+(?:do\s+(?:you|u|ya)\s+have|have\s+(?:you|u)\s+got|(?:you|u)\s+got|is\s+(?:there|open|available|free))\b|\b(?:do|would)\s+(?:you|u)\s+have\s+(?:anything|something)\s+else\b|\bis\s+there\s+(?:another|any\s+other|a\s+different)\s+(?:time|slot|opening)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoneOfThose();

    [GeneratedRegex(@"\b(?:i|we)\s+(?:(?:really|just|kinda|kind\s+of)\s+)?(?:want|wanna|need)\s+(?:to\s+(?:get|book|have|do)\s+|to\s+)?(?:an?|some|my|our|me|the)\b|\b(?:i'?d|id|we'?d|(?:i|we)\s+would)\s+(?:like|love)\b|\b(?:can|could|may)\s+(?:i|we)\s+(?:get|have|book|schedule)\b|\b(?:book|get|schedule)\s+(?:me|us)\b|\blooking\s+(?:for|to\s+(?:get|book))\b|\binterested\s+in\b|\b(?:find|locate)\s+(?:me\s+|us\s+)?(?:an?|some)\b|\bhelp\s+(?:me|us)\s+(?:find|locate|get)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequestFor();

    // "what times?", "what times do you have", "which slots are left", "what times do u guys have open"; not "what time do
    // you open" (the hours). "hours do you have" is how "¿qué horarios tienen?" reads in English.
    [GeneratedRegex(@"^\W*(?:(?:so|ok|okay|and|um+|hmm+)\W+)?(?:(?:what|which|wat|wht)\s+(?:other\s+)?(?:times|time\s*slots?|slots|openings|availability|times?\s+(?:are|r)\s+(?:there|available|free|open|left))(?:\s+(?:do|have|does)\s+(?:you|u|ya)(?:\s+guys)?\s+(?:have|got)|\s+(?:are|r)\s+(?:there|available|free|open|left)|\s+(?:you|u)\s+(?:have|got))?(?:\s+(?:open|available|free|left|then))?|(?:hours|times)\s+do\s+you\s+have)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatTimes();

    [GeneratedRegex(@"\b(?:did\s*n[o']?t|didnt|never|have\s*n[o']?t|havent|has\s*n[o']?t|hasnt|not|still\s+(?:have\s*n[o']?t|havent|did\s*n[o']?t|didnt))\s+(?:get|got|gotten|receive|received|recieve|recieved|come|came|arrive|arrived|show(?:n|ed)?\s+up)\b|\b(?:re-?send|resent|re-?text)\b|\bsend\s+(?:it|the\s+code|a\s+code|that|one|me\s+(?:it|the\s+code|one))\s+again\b|\b(?:send|text)\s+(?:me\s+)?(?:another|a\s+new)(?:\s+(?:one|code))?\b|\b(?:new|another)\s+code\b|\b(?:no|nothing)\s+(?:code\s+|text\s+)?(?:came|arrived|yet|has\s+come|showed\s+up)\b|^\W*(?:still\s+)?nothing(?:\s+yet)?\W*$|\bcode\s+(?:did\s*n[o']?t|didnt|never|has\s*n[o']?t|hasnt|is\s*n[o']?t|isnt)\s+(?:come|came|arrive|arrived|show|showing|coming)|\bstill\s+waiting\s+(?:for|on)\s+(?:it|the\s+code|the\s+text)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoCodeCame();

    [GeneratedRegex(@"\b(?:also|as\s+well)\b|\btoo\s*[.!?]*\s*$|\banother\s+(?:one|appointment|booking)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlsoCue();

    [GeneratedRegex(@"\b(?:better|best|prefer|preferable|rather|mejor)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Comparing();

    [GeneratedRegex(@"\b(?:whatever|whichever|any(?:one|thing)?|doesn'?t\s+matter|does\s+not\s+matter|don'?t\s+care|no\s+preference|you\s+(?:pick|choose|decide)|either(?:\s+one)?|earliest|soonest)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyOne();

    [GeneratedRegex(@"\b(?:earliest|soonest|first\s+(?:available|opening|free)|whatever(?:'s|\s+is)\s+(?:first|earliest|soonest))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EarliestOne();

    [GeneratedRegex(@"^\s*(?:(?:and|ok|okay|so|also|oh)[,]?\s+)*(?:how\s+(?:long|much)|what\s+does|does|is|do\s+i|can\s+i)\b[^.?!]{0,30}\b(?:it|that|this|one|them|those)\b\s*[?.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutThat();

    [GeneratedRegex("[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    // "How much is…", "what does it cost": a question about the price stays a question, whatever day it names.
    // "3 or 4", and the two times apart in a question: "is 3 ok? or is 4 better", "at 2 that's fine or you … at 3?" (a few
    // words between, none a number, in one sentence). The gaps are plain bounded classes: lazy loops of words here made the
    // generated matcher's backtracking stack overflow on "a swedish massage of 60 for this saturday …" (round 26).
    [GeneratedRegex(@"(?<![\d:/.-])(?<ah>\d{1,2})(?::(?<am>\d{2}))?\s*(?<ap>[ap]\.?m\.?)?[^\d.!;\n]{0,30}\bor\b[^\d.!;\n]{0,30}(?<bh>\d{1,2})(?::(?<bm>\d{2}))?\s*(?<bp>[ap]\.?m\.?)?(?![\d:/.-]|\s*(?:min|hour|hr|people|ppl|of\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TwoTimes();

    [GeneratedRegex(@"^\s*(?:(?:ok|okay|oh|so|hmm)[,]?\s+)?(?:and|&|what about|how about|also)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowUpStart();

    // A question (its opening word) that points back with a pronoun: "and is it free", "do they expire?", "is there one at the marina too?".
    [GeneratedRegex(@"^\s*(?:(?:and|ok|okay|oh|so|also|but|wait)[,]?\s+)*(?:is|are|does|do|can|will|would|how|what|when)\b.*\b(?:it|they|them|that|those|there|one|ones)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackReference();

    // Round 31: a trade's own verb asked of the spa ("do you wax men"), and how long or how much a treatment is ("how long does
    // a wax last"): for one not on the menu, said not to be offered.
    [GeneratedRegex(@"\b(?:do|does)\s+(?:you|u|ya|y'?all)\s+(?:guys\s+|all\s+)?(?:do|offer|have|provide|carry|perform|sell)\b|(?<!\bhow\s+)\b(?:do|does)\s+(?:you|u|ya|y'?all)\s+(?:guys\s+|all\s+)?(?:wax|thread|tint)\b|\b(?:is|are)\s+there\s+any\b|\bcan\s+(?:i|you|u)\s+(?:get|book)\b|\bhow\s+(?:long|much)\s+(?:does|do|is|are|will|would)\s+(?:a|an|the|your|ur|one)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfferedQuestion();

    [GeneratedRegex(@"\b(?:sauna|steam\s+room|pool|jacuzzi|hot\s+tub|lockers?|showers?|parking|wi-?fi|robes?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amenity();

    [GeneratedRegex(@"\b(?:(?:are|r)\s+(?:you|u|y'?all)\s+(?:guys\s+)?open|(?:you|u|y'?all)\s+(?:guys\s+)?(?:are|r)\s+open|(?:you're|youre|ur)\s+open|open(?:ing)?\s+hours|hours|what\s+time\s+do\s+(?:you|u)\s+(?:open|close)|close[sd]?|closing|" + LateOrEarly + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HoursWord();

    // The edge of a day asked, not a time for one's own visit (round 26): "how late can i come in on sat", "what's the latest
    // appointment on a thursday", "whats the earliest i can come in"; not "how early should i get there" (arrival).
    internal const string LateOrEarly = @"how\s+(?:late|early)\s+(?:can|could)\s+(?:i|we|you|u)\s+(?:come|book|get|be\s+seen)|(?:the\s+)?(?:latest|earliest)\s+(?:appointment|appt|time|slot|booking|(?:i|we)\s+can\s+(?:come|book|get))";

    [GeneratedRegex(@"^\W*(?:(?:hi|hey|hello|so|and|ok|okay|um+|uh+|quick\s+question)\W+)*(?:(?:are|r)\s+(?:you|u|y'?all)\s+(?:guys\s+|all\s+)?(?:open|closed)|what\s+(?:are|r)\s+(?:your|ur|the)\s+(?:opening\s+)?hours|what\s+time\s+do\s+(?:you|u)\s+(?:guys\s+)?(?:open|close)|(?:is|are)\s+(?:the\s+)?(?:spa|\w+\s+location|\w+)\s+(?:open|closed)|(?:what(?:'s|s|\s+is)\s+)?" + LateOrEarly + @")\b[^?.,;!]{0,40}\??\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnlyHours();

    [GeneratedRegex(@"\b(?:the|that|a|an)\s+(?:\$\s?(?<n>\d{1,4}(?:\.\d{2})?)|(?<n>\d{1,4})\s*(?:dollars?|bucks?))\s+(?:one|option|service|treatment|thing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PricedOne();

    [GeneratedRegex(@"\b(cost|costs|price|prices|priced|pricing|how much|charge|fee)\b|\$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceQuestion();

    // "how long is the swedish massage", "whats the length on a swedish?", "how many minutes is a facial", "¿cuánto dura?".
    [GeneratedRegex(@"\bhow\s+long\s+(?:is|are|does|do|will|would|'?s)\b|\bhow\s+long\b\W*$|\b(?:length|lengths|duration)\s+(?:of|on|for)\b|\bhow\s+many\s+(?:minutes|mins)\b|\bcu[aá]nto\s+(?:tiempo\s+)?dura\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LengthAsked();

    [GeneratedRegex(@"\b(?:cheaper|pricier|less\s+expensive|more\s+expensive|costs?\s+(?:less|more)|m[aá]s\s+(?:barat[oa]|car[oa]|econ[oó]mic[oa]))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceCompared();
}

/// <summary>A wish for times past the ones on offer.</summary>
public enum TimeNudge
{
    /// <summary>None said.</summary>
    None,

    /// <summary>"nothing later?"</summary>
    Later,

    /// <summary>"anything earlier?"</summary>
    Earlier,
}
