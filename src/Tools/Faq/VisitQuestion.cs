using System.Text.RegularExpressions;

namespace FrontDesk.Tools.Faq;

/// <summary>
/// A question about the person's own visit to the business: running late, arriving, parking, what to bring or wear,
/// who may come along, tipping, paying, getting ready, coming without an appointment. Such a question is the business's matter even when its
/// information has no answer (a FAQ miss for the team, not off-topic), and it is answered only by an entry about the
/// same part of the visit ("where do I park" is not answered by the walk-in entry). The same words about somewhere else
/// ("late for work", "what to wear to an interview", "tip the pizza driver") are not a visit. No business's own words
/// here: the parts of a visit are the same for any appointment business.
/// </summary>
public static partial class VisitQuestion
{
    /// <summary>The parts of a visit a message asks about (empty when it is not about a visit, or about one elsewhere).</summary>
    /// <param name="text">The message.</param>
    /// <param name="isOwnWord">Whether a word is one of the business's own (a service, a staff member): "what do I bring to my facial".</param>
    public static IReadOnlySet<string> Topics(string text, Func<string, bool>? isOwnWord = null)
    {
        var lowered = text.ToLowerInvariant();
        if (Elsewhere().IsMatch(lowered) || GoesElsewhere(lowered, isOwnWord))
        {
            return EmptySet;
        }
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (topic, pattern) in Parts)
        {
            if (pattern.IsMatch(lowered))
            {
                found.Add(topic);
            }
        }
        if (found.Contains("late") && OpenLate().IsMatch(lowered))
        {
            found.Remove("late"); // "are you open late any night": the hours, not a person running late (round 23)
        }
        if (found.Contains("tip") && Amount().IsMatch(lowered))
        {
            found.Remove("tip"); // "what's a 15% tip on $40": a sum, not the custom here
        }
        if (found.Contains("here"))
        {
            // "just pulled up, im in the parking lot. where do i go": the lot is where the person is, not the question.
            found.Remove("parking");
            found.Remove("early");
        }
        if (found.Contains("bring") && AmenityWords.IsMatch(lowered))
        {
            // "do i need to bring a robe", "should i bring flip flops" (round 30): what the spa provides in its changing rooms.
            found.Remove("bring");
            found.Add("premises");
        }
        if (found.Contains("bring") && ClothesWords.IsMatch(lowered))
        {
            // "do i need to bring special clothes for the massage": what to wear.
            found.Remove("bring");
            found.Add("wear");
        }
        if (found.Count > 0)
        {
            // Who comes along says more than the verb: "can I bring my dog" is about pets, not about bringing things.
            foreach (var (topic, pattern) in Company)
            {
                if (pattern.IsMatch(lowered))
                {
                    found.Add(topic);
                    found.Remove("bring");
                }
            }
        }
        return found;
    }

    /// <summary>
    /// "do you provide robes?" for "should i bring my own robe", "do i have to bring a towel" (round 30): whether to bring a
    /// thing a spa's changing rooms provide is whether it is provided, and asked so of the business's information; null when
    /// no such thing is asked to be brought.
    /// </summary>
    public static string? AmenityHead(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var lowered = question.ToLowerInvariant();
        if (!Parts.First(p => p.Topic == "bring").Pattern.IsMatch(lowered) || AmenityWords.Match(lowered) is not { Success: true } thing)
        {
            return null;
        }
        // One name for each thing, as a business's information would say it: flip-flops are slippers there.
        var said = thing.Value.Replace('-', ' ');
        var named = said.StartsWith("robe", StringComparison.Ordinal) ? "robes"
            : said.StartsWith("flip", StringComparison.Ordinal) || said.StartsWith("sandal", StringComparison.Ordinal) || said == "slippers" ? "slippers"
            : said.StartsWith("towel", StringComparison.Ordinal) ? "towels"
            : said;
        return $"do you provide {named}?";
    }

    /// <summary>Whether the message asks about a visit somewhere else ("what should I wear to a job interview").</summary>
    public static bool IsElsewhere(string text)
    {
        var lowered = text.ToLowerInvariant();
        return Elsewhere().IsMatch(lowered) && Parts.Any(p => p.Pattern.IsMatch(lowered));
    }

    /// <summary>
    /// Whether the parts asked about name their subject outright (an ID, a membership, a referral, a doctor's note, the
    /// intake forms, a waiver, a bike), so that the one entry of the business's information that speaks of it answers,
    /// however differently it is worded ("do i need to fill out forms beforehand" is the arrival entry's intake form).
    /// </summary>
    public static bool NamesItsSubject(IReadOnlySet<string> asked) => asked.Count > 0 && asked.All(Subjects.Contains);

    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal) { "member", "referral", "id", "clearance", "forms", "waiver", "bike", "refreshments", "products" };

    /// <summary>Whether the message is a question about the person's own visit.</summary>
    public static bool IsAbout(string text, Func<string, bool>? isOwnWord = null) => Topics(text, isOwnWord).Count > 0;

    /// <summary>
    /// Whether the message names where it is going, and that is not here: "bring on a camping trip", "cards at costco",
    /// "show up for jury duty"; not "for my appointment", "to my facial", "on time", "for my 2pm".
    /// </summary>
    private static bool GoesElsewhere(string lowered, Func<string, bool>? isOwnWord)
    {
        if (ToOwnTime().IsMatch(lowered))
        {
            // "stuck on the bay bridge, gonna be late to my 2pm": the visit here is where the person is going; the other
            // place is where they are.
            return false;
        }
        foreach (Match m in Destination().Matches(lowered))
        {
            var word = m.Groups[1].Value;
            if (!HereWords.Contains(word) && !(word.EndsWith('s') && HereWords.Contains(word[..^1])) && isOwnWord?.Invoke(word) != true)
            {
                return true;
            }
        }
        return false;
    }

    // The person's own booked time named as where they are going: "to my 2pm", "for my 10:30", "for our 3 o'clock".
    [GeneratedRegex(@"\b(?:to|for)\s+(?:my|our)\s+\d{1,2}(?::\d\d(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock))(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex ToOwnTime();

    // Where a visit here is going: the appointment, the place, the time, or the way of paying.
    private static readonly HashSet<string> HereWords = new(StringComparer.Ordinal)
    {
        "appointment", "appt", "visit", "session", "treatment", "booking", "reservation", "service", "there", "here", "it",
        "that", "this", "me", "us", "you", "your", "ur", "u", "y'all", "yall", "time", "minute", "min", "hour", "spa",
        "salon", "studio", "clinic", "place", "lobby", "front", "desk", "checkout", "cash", "card", "credit", "debit",
        "full", "advance", "person", "first", "same", "day", "morning", "afternoon", "evening", "tomorrow", "today", "long",
        "free", "extra", "each", "tip", "tips", "both", "all", "comfort", "pay", "arrival", "traffic", "read",
        // a day is when, not where ("how far in advance do i need to book for a saturday")
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "weekday", "week", "night",
        // a group's visit here (round 32: "can i bring wine for my bridal party")
        "bridal", "bachelorette",
    };

    // "to" only before a determiner: "to park", "to bring" are verbs, "to a wedding", "to my facial" are places.
    [GeneratedRegex(@"\b(?:(?:for|at|into|on)\s+(?:(?:a|an|the|my|our|his|her|their|some|this|that)\s+)?|to\s+(?:a|an|the|my|our|his|her|their|some|this|that)\s+)(?!(?:a|an|the|my|our|his|her|their|some|this|that)\b)([a-z][a-z']*)", RegexOptions.CultureInvariant)]
    private static partial Regex Destination();

    /// <summary>
    /// Whether an entry of the business's information (its question and answer) speaks of one of the visit parts asked
    /// about; true when the question is not about a visit.
    /// </summary>
    public static bool Covers(IReadOnlySet<string> asked, string entryText)
    {
        if (asked.Count == 0)
        {
            return true;
        }
        var lowered = entryText.ToLowerInvariant();
        // An entry about who may come along ("Can I bring my children?") does not answer what to bring.
        var aboutCompany = Company.Any(c => c.Pattern.IsMatch(lowered));
        return asked.Any(t => EntryWords.TryGetValue(t, out var words) && words.IsMatch(lowered) && !(t == "bring" && aboutCompany));
    }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    // Matched without backtracking and without a wall-clock limit: each is linear in the message (at most 2,000
    // characters), while a 250 ms limit threw on a starved machine when a pattern's first match ran (perf round 18 saw
    // a turn fail with RegexMatchTimeoutException from Topics at load average 49–58).
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private static readonly TimeSpan Limit = Regex.InfiniteMatchTimeout;

    // What makes a message about a visit. Each needs the person's own coming, not just the word.
    private static readonly (string Topic, Regex Pattern)[] Parts =
    [
        ("late", new(@"\b(?:running|run|be|being|i'?m|im|am|are|we'?re|gonna\s+be|going\s+to\s+be|show\s+up|get\s+there|get\s+in|arrive|come\s+in|\d+\s*(?:min|mins|minute|minutes))\b[^.?!]{0,30}?\b(?:late|behind)\b|\bgrace\s+period\b|\blate\s+arrivals?\b"
            + @"|\b(?:stuck|sitting)\s+in\s+(?:\w+\s+)?traffic\b|\btraffic\s+is\s+(?:\w+\s+)?(?:insane|crazy|bad|terrible|awful|horrible|nuts|brutal)\b|\b(?:be\s+)?there\s+in\s+(?:like\s+|about\s+|around\s+|another\s+)?(?:[1-9]|[1-5][05]|five|ten|fifteen|twenty)\s*(?:min|mins|minutes)?\s*(?:[.!?,]|$)", Options, Limit)),
        // Already here (round 21: "hi im outside, do i just come in?", "just pulled up, im in the parking lot", "hey i'm
        // downstairs", "im here for my 10 oclock"): where to go, and the team told.
        ("here", new(@"\b(?:i'?m|im|i\s+am|we'?re|were|we\s+are)\s+(?:(?:already|just|now|right)\s+)?(?:outside|downstairs|out\s+front|in\s+the\s+(?:parking\s+lot|lot|garage|lobby)|at\s+the\s+(?:door|front\s+door|entrance)|here)\s*(?:[,.!?]|$|(?:now|rn|right\s+now|already|lol|haha|for\s+(?:my|our|the|a|an)|do|can|should|where|how|what|is|are)\b)|\b(?:just\s+)?(?:pulled\s+up|got\s+here)\b|\bdo\s+(?:i|we)\s+(?:just\s+)?(?:come|walk|go)\s+(?:in|inside|up|upstairs)\s*(?:[?.!,]|$|or\b)", Options, Limit)),
        // "should i come a bit before my time" (round 23): coming, said plainly, a little before.
        // "what time should i arrive if my appointment is at 3" (round 25): the arrival's time asked, not the appointment's.
        ("early", new(@"\bhow\s+early\b|\b(?:what\s+time|when)\s+(?:should|do|must|shall)\s+(?:i|we)\s+(?:arrive|get\s+there|get\s+here|be\s+there|show\s+up)\b|\b(?:arrive|get\s+there|get\s+in|come\s+in|show\s+up)\s+(?:\w+\s+){0,2}?(?:early|ahead|before(?:\s+(?:my|our|the|i|we|you|then|that|opening|check|hand)\b|\s*[?.!,]|\s*$))|\b(?:should|do|can|must)\s+(?:i|we)\s+come\s+(?:a\s+(?:bit|little|few\s+minutes)\s+|(?:\w+\s+)?minutes\s+)?(?:early|before\s+(?:my|our|the)\s+(?:time|appointment|appt|slot))\b|\bcheck[\s-]?in\b", Options, Limit)),
        ("parking", new(@"\bparking\b|\b(?:where|can|could|do|should)\s+(?:\w+\s+){0,2}?park\b|\b(?:place|somewhere|anywhere|spot)\s+to\s+park\b|\bpark\s+(?:my|the|our)\s+car\b", Options, Limit)),
        ("bring", new(@"\b(?:should|do|can|could|may|must)\s+(?:i|we)\s+(?:\w+\s+)?bring\b|\bwhat\s+(?:\w+\s+)?(?:to|should\s+i|do\s+i|shall\s+i)\s+bring\b|\b(?:need|have|got)\s+to\s+bring\b|\bbring\s+(?:my|our)\s+own\b|\bbring\s+(?:\w+\s+){1,3}with\s+me\b"
            // Asked as leave to ("is it ok if i bring my dog", "okay to bring my puppy?", round 26): who comes along decides.
            + @"|\b(?:ok|okay|alright|fine|allowed)\s+(?:if\s+(?:i|we)\s+|to\s+)bring\b", Options, Limit)),
        ("wear", new(@"\bwhat\s+(?:should|do|to|can|shall)\s+(?:i\s+|we\s+)?wear\b|\bwear\s+to\s+(?:my|the)\b|\bdress\s+code\b"
            // undressing for the treatment, and one's gym clothes (round 19: "do i have to take everything off", "can i keep my
            // underwear on", "is it ok if i come in my gym clothes")
            + @"|\b(?:take|taking)\s+(?:everything|it\s+all|all\s+(?:of\s+)?(?:my\s+)?clothes|(?:my\s+)?(?:clothes|top|shirt|bra|pants|underwear))\s+off\b|\b(?:keep|leave)\s+(?:my\s+)?(?:underwear|undies|bra|clothes|shorts|pants|top|socks|panties|leggings)\s+on\b|\b(?:get|be)\s+(?:fully\s+|completely\s+)?(?:naked|undressed|nude)\b|\bundress(?:ed|ing)?\b|\b(?:come|show\s+up|arrive)\s+(?:in\s+)?(?:in|wearing)\s+(?:my\s+)?(?:gym|workout|work|yoga|running)?\s*(?:clothes|clothing|sweats|leggings|jeans|pajamas|scrubs)\b", Options, Limit)),
        // Someone in the room or waiting (round 32: "can my boyfriend come in the room with me", "is it ok if my mom waits in the
        // lobby").
        ("along", new(@"\bin\s+the\s+(?:treatment\s+)?room\s+with\s+(?:me|us|her|him)\b|\b(?:wait|waits|waiting|hang\s+out|sit)\s+(?:for\s+me\s+)?(?:in|at)\s+the\s+(?:lobby|waiting\s+(?:room|area)|front)\b|\bcome\s+(?:along|with\s+me|in\s+with\s+me)\b|\btag\s+along\b|\bsit\s+with\s+me\b|\bsit\s+in\s+(?:the\s+room|on|with)\b|\bstay\s+(?:in\s+the\s+room|with\s+me)\b|\bwait\s+(?:for\s+me|in\s+the\s+(?:lobby|waiting))\b|\b(?:kids?|children|dogs?|pets?)\s+(?:are\s+)?(?:allowed|welcome|ok)\b", Options, Limit)),
        ("tip", new(@"\b(?:tipping|gratuity)\b|\b(?:do|should|can|may|must)\s+(?:i|we|you|people)\s+(?:\w+\s+)?tip\b|\bhow\s+much\s+(?:\w+\s+){0,3}tip\b|\btip\s+(?:the|my|your)\b|\b(?:accept|take)\s+tips\b", Options, Limit)),
        ("pay", new(@"\b(?:take|accept)\s+(?:\w+\s+)?(?:cards?|credit|debit|cash|checks?|venmo|zelle|apple\s+pay|google\s+pay|amex|visa)\b|\bcash\s+only\b|\bpay\s+(?:with|by|in)\b|\b(?:payment|pay)\s+(?:options|methods)\b|\bforms?\s+of\s+payment\b", Options, Limit)),
        // What the room is like during the treatment: its music, sound and warmth ("do you play music in the rooms", "can i
        // listen to my own music during the massage", "is it cold in the treatment room").
        ("room", new(@"\b(?:music|songs?|playlist|sounds?|quiet|silence|temperature|cold|warm|heated|lighting|lights)\b[^.?!]{0,40}\b(?:rooms?|massage|facial|treatment|session|appointment|during|while)\b|\b(?:rooms?|massage|facial|treatment|session)\b[^.?!]{0,30}\b(?:music|playlist|quiet|silent|cold|warm|heated)\b|\b(?:my|our)\s+own\s+(?:music|playlist|headphones|earbuds)\b"
            // falling asleep, others in the room (round 19: "is it awkward if i fall asleep", "will there be other people in the room")
            + @"|\b(?:if|when|that)\s+(?:i|we)\s+(?:fall|fell)\s+asleep\b|\b(?:fall|falling)\s+asleep\s+(?:during|on\s+the\s+table|in\s+the\s+(?:room|chair|middle))\b|\bi\s+snore\b|\b(?:will|would)\s+there\s+be\s+(?:other\s+people|anyone\s+else|someone\s+else|other\s+clients)\s+(?:in\s+the\s+room|there|with\s+me)\b|\b(?:is|are)\s+(?:the\s+)?(?:rooms?|treatment\s+rooms?)\s+private\b", Options, Limit)),
        // Coming without an appointment ("can i just walk in or do i gotta book ahead", "do you take walk-ins").
        ("walkin", new(@"\bwalk-in\b|\bwalk[\s-]?ins\b|\b(?:just|can\s+(?:i|we)|ok\s+to)\s+walk\s+in\b|\bwithout\s+(?:an?\s+)?(?:appointment|appt|booking)\b", Options, Limit)),
        // The spa's rooms and amenities, and a comfort worry about them ("is there a hair dryer in the locker room", "i'm
        // claustrophobic is the room small"); what its people speak ("does anyone there speak vietnamese"); how far ahead to
        // book ("how far in advance do i need to book for a saturday").
        ("premises", new(@"\b(?:locker|changing|dressing|treatment|relaxation)\s+rooms?\b|\bclaustrophob\w*|\b(?:is\s+there|are\s+there|do\s+(?:you|u|yall|you\s+guys)\s+(?:have|provide|offer|give)|can\s+i\s+(?:use|get|borrow)|will\s+there\s+be)\s+(?:an?\s+|any\s+|some\s+)?(?:\w+\s+)?(?:lockers?|robes?|slippers|(?:hair|blow)\s*-?dryers?|showers?|towels?|steam\s+room)\b"
            // A place to change or to leave one's things ("is there a place to change", "can i leave my bag somewhere").
            + @"|\b(?:place|somewhere|anywhere|where)\s+(?:i\s+can\s+|to\s+)(?:change|get\s+changed)\b|\b(?:leave|put|store|keep)\s+my\s+(?:bag|bags|purse|stuff|things|belongings|coat|jacket|valuables)\b", Options, Limit)),
        ("languages", new(@"\b(?:any\s?one|some\s?one|any\s+of\s+(?:your|the)\s+\w+|(?:your|the)\s+(?:staff|therapists?|providers?|estheticians?|team)|alguien)\s+(?:there\s+|here\s+|ahi\s+|alli\s+|who\s+|that\s+)?(?:speaks?|habla|hablan)\b", Options, Limit)),
        ("advance", new(@"\bhow\s+(?:far|long|much\s+time|many\s+(?:days|weeks))\s+(?:in\s+advance|ahead|before(?:hand)?)\s+(?:(?:do|should|can|must)\s+(?:i|we|you)\s+)?(?:need\s+to\s+|have\s+to\s+)?(?:book|schedule|reserve)\b|\bhow\s+far\s+out\s+(?:can|do|should)\s+(?:i|we|you)\s+(?:book|schedule)\b", Options, Limit)),
        ("prepare", new(@"\bbefore\s+(?:i|we)\s+(?:come\s+in|get\s+there|arrive|show\s+up)\b|\bshould\s+(?:i|we)\s+(?:come|arrive|show\s+up)\s+(?:with|without|wearing|in)\b|\bbefore\s+my\s+(?:appt|appointment|visit|session|treatment)\b", Options, Limit)),
        // Round 19: what is required to come, asked with nothing else named ("do i need an id", "do i have to be a member
        // to book", "do i need a doctors note", "is there paperwork i have to do before"); asked for somewhere else it
        // goes on ("an id to vote") and is not ours.
        ("member", new(NeedToHave + @"(?:be\s+an?\s+member|(?:get\s+|buy\s+|have\s+)?(?:an?\s+)?membership)" + ForTheVisit
            + @"|\bmembers\s+only\s*[?.!]*\s*$", Options, Limit)),
        ("referral", new(NeedToHave + @"(?:(?:get|have|bring)\s+)?(?:an?\s+)?referral" + ForTheVisit, Options, Limit)),
        ("id", new(NeedToHave + @"(?:(?:show|bring|have)\s+)?(?:an?\s+|my\s+|any\s+)?(?:photo\s+)?(?:id|i\.d\.?|ids|identification|driver'?s\s+licen[cs]e)" + ForTheVisit, Options, Limit)),
        ("clearance", new(NeedToHave + @"(?:(?:get|have|bring)\s+)?(?:an?\s+|my\s+)?(?:doctor'?s?\s+note|note\s+from\s+(?:my|a|the)\s+doctor|medical\s+clearance|clearance)" + ForTheVisit, Options, Limit)),
        ("forms", new(NeedToHave + @"(?:fill\s+(?:out|in)|do|complete)\s+(?:an?\s+|any\s+|the\s+|some\s+)?(?:\w+\s+)?(?:forms?|paperwork)" + ForTheVisit
            + @"|\b(?:is|are)\s+there\s+(?:any\s+)?(?:paperwork|forms?)\b(?:\s+(?:i|we)\s+(?:have|need)\s+to\s+(?:do|fill\s+(?:out|in)))?" + ForTheVisit, Options, Limit)),
        ("waiver", new(NeedToHave + @"(?:sign|fill\s+(?:out|in)|do)\s+(?:an?\s+|any\s+|the\s+)?(?:waivers?|consent\s+forms?|release)" + ForTheVisit
            + @"|\b(?:is|are)\s+there\s+(?:an?\s+|any\s+)?(?:waivers?|consent\s+forms?)\b(?:\s+(?:i|we)\s+(?:have|need)\s+to\s+sign)?" + ForTheVisit, Options, Limit)),
        // A bicycle or a scooter: "is there somewhere to lock up my bike".
        ("bike", new(@"\b(?:lock\s+up|lock|park|leave|put|store)\s+(?:my\s+|the\s+|a\s+)?(?:bike|bicycle|scooter|e-?bike|motorcycle|moped)\b|\bbike\s+(?:rack|racks|parking|lock)\b"
            // A place for them (round 26: "tienen lugar para bicicletas" read as "do you have a place for bikes").
            + @"|\b(?:place|room|spot|space|somewhere|anywhere)\s+(?:for|to\s+(?:park|lock|leave|put)\s+)\s*(?:my\s+|the\s+|a\s+|our\s+)?(?:bikes?|bicycles?|scooters?)\b", Options, Limit)),
        // Something to drink or eat while there (round 26: "do you serve coffee or tea", "tienen te o cafe").
        ("refreshments", new(@"\b(?:do\s+(?:you|u|yall|you\s+guys)\s+(?:serve|have|offer|give|provide)|is\s+there|are\s+there|can\s+(?:i|we)\s+(?:get|have)|will\s+there\s+be)\s+(?:any\s+|some\s+|a\s+|free\s+)?(?:coffee|tea|water|drinks?|refreshments?|snacks?|champagne|wine|mimosas?|juice)\b", Options, Limit)),
        // Before or after the visit, the visit left unsaid: "should i drink water after", "can i eat before", "is it ok to
        // drink alcohol the night before" ("after running" names its own event and is not ours).
        ("beforeafter", new(@"\b(?:should|can|could|do|may|must|is\s+it\s+(?:ok|okay|fine|bad|safe|alright)\s+(?:to|if\s+i)|am\s+i\s+(?:allowed|supposed)\s+to)\s+(?:i\s+|we\s+)?(?:\w+\s+){1,4}(?:after(?:wards?)?|before(?:hand)?|the\s+(?:night|day|morning)\s+(?:before|of|after))\s*[?.!]*\s*$"
            // The visit said, after what the body does around it (round 30: "can i eat before a massage", "should i shower
            // before my facial"); only such doings, so "can i get a facial before my massage" stays a booking, and a shower after
            // one ("can i shower after my massage") is the spa's showers.
            + @"|\b(?:should|can|could|do|may|must)\s+(?:i|we)\s+(?:(?:eat|drink|shave|wax|exercise|work\s*out|tan|swim|smoke|drive|have\s+(?:coffee|caffeine|alcohol|a\s+drink|a\s+meal|lunch|breakfast))\s+(?:\w+\s+)?(?:before|after)|(?:shower|bathe|wash\s+my\s+(?:hair|face))\s+(?:\w+\s+)?before)\s+(?:my|a|an|the|your)\s+(?:\w+\s+)?(?:appt|appointment|visit|session|treatment|massage|facial|peel|laser|botox|filler|injections?|service|hydrafacial|wax)\s*[?.!]*\s*$", Options, Limit)),
        // The house rules, there: "is smoking allowed there", "can i vape inside".
        ("rules", new(@"(?:\b(?:is|are)\s+(?:smoking|vaping|drinking|alcohol|food|eating|snacks|phones?|cell\s*phones?|photos?|pictures?|filming)\s+(?:allowed|permitted|ok|okay)|\b(?:can|could|may)\s+(?:i|we)\s+(?:smoke|vape|take\s+(?:photos|pictures|a\s+picture)))\s*(?:there|here|inside|in\s+there|on\s+site|at\s+the\s+spa|in\s+the\s+(?:lobby|building|rooms?))?\s*[?.!]*\s*$", Options, Limit)),
        // Coming as one is: "can i come in with wet hair", "can i wear makeup to my appointment".
        ("comeas", new(@"\b(?:come|show\s+up|arrive)\s+(?:in\s+)?(?:with|wearing)\s+(?:my\s+|no\s+|a\s+full\s+face\s+of\s+)?(?:wet\s+hair|make-?up|lotion|deodorant|contacts|contact\s+lenses|jewelry|nail\s+polish|polish|fake\s+tan|self[\s-]?tan(?:ner)?)\b|\b(?:can|should|do|may|could)\s+(?:i|we)\s+(?:still\s+)?wear\s+(?:my\s+)?(?:make-?up|deodorant|lotion|perfume|contacts|contact\s+lenses|jewelry|nail\s+polish)\b", Options, Limit)),
        // How the business works, asked of it (round 22): the products it sells or uses ("do you sell your products online",
        // "can i order the products you guys use"), how it cleans between clients ("are your beds cleaned after every
        // person"), appointment reminders ("can you text me a reminder", not "a reminder to call my mom"), a receipt of one's
        // visit or sent again, and a thing left behind ("do you have a lost and found").
        ("products", new(@"\b(?:sell|buy|order|purchase|ship)\w*\b[^.?!]{0,30}?\b(?:your|ur|y'?all'?s|the\s+spa'?s|the)\s+(?:\w+\s+)?(?:products?|skin\s?care|serums?|creams?|lotions?|moisturi[sz]ers?|oils?)\b"
            + @"|\b(?:sell|buy|order|purchase)\w*\s+(?:\w+\s+){0,3}?(?:products?|skin\s?care|serums?|creams?|lotions?|moisturi[sz]ers?|oils?)\s+(?:that\s+)?(?:you|u|y'?all)\b", Options, Limit)),
        ("hygiene", new(@"\b(?:clean|saniti[sz]|sterili[sz]|disinfect|wash|chang)\w*\s+(?:\w+\s+){0,3}?(?:tools|instruments|equipment|beds|tables|sheets|linens|towels|rooms|needles|machines?|brushes)\s+(?:\w+\s+){0,2}?(?:between|after|for)\s+(?:each|every|clients?|people|persons?|customers?|appointments?|uses?|guests?)\b"
            + @"|\b(?:your|the)\s+(?:tools|instruments|equipment|beds|tables|sheets|linens|towels|rooms|needles|machines?)\s+(?:\w+\s+){0,2}?(?:clean\w*|saniti[sz]ed|sterili[sz]ed|disinfected|washed|changed)\b", Options, Limit)),
        ("reminders", new(@"\b(?:text|send|email|e-mail|call|message)\w*\s+(?:me\s+|us\s+)?(?:an?\s+)?(?:appointment\s+|appt\s+)?reminders?\s*(?:[?.!,]|$|(?:before|the\s+day|of\s+my|for\s+my|about\s+my|please|pls|plz)\b)"
            + @"|\b(?:appointment|appt)\s+reminders?\b|\breminders?\s+(?:texts?|messages?|calls?|emails?)\b", Options, Limit)),
        ("receipt", new(@"\b(?:receipt|invoice)s?\b[^.?!]{0,40}?\b(?:you|u|your|y'?all|my\s+(?:visit|appointment|appt|massage|facial|treatment|session|service))\b"
            + @"|\b(?:you|u|y'?all)\b[^.?!]{0,30}?\b(?:receipt|invoice)s?\b|\b(?:my|the)\s+(?:visit|appointment|appt|massage|facial|treatment|session)'?s?\s+(?:receipt|invoice)\b", Options, Limit)),
        ("lostfound", new(@"\blost\s+(?:and|&|n)\s+found\b", Options, Limit)),
        // Round 32: a review of the spa ("where can i leave you guys a review"), a confirmation not received ("i never got a
        // confirmation text"), one's points ("how do i use my points"): the business's own matters, for its information or the team.
        ("review", new(@"\b(?:leave|write|post|give|do)\s+(?:(?:you|u|yall|y'?all|you\s+guys)\s+)?(?:an?\s+|my\s+|the\s+)?(?:\w+\s+)?reviews?\b|\breview\s+(?:you|u|y'?all|your\s+(?:spa|place|business))\b", Options, Limit)),
        ("confirmation", new(@"\b(?:never|didnt|didn'?t|did\s+not|havent|haven'?t|have\s+not|dont|don'?t|do\s+not)\s+(?:get|got|receive|received|see|seen|gotten)\s+(?:an?\s+|my\s+|the\s+|any\s+)?(?:confirmation|confirm)\b|\bconfirmation\s+(?:text|email|e-mail|message|sms)s?\b", Options, Limit)),
        ("points", new(@"\b(?:use|redeem|check|see|apply|spend|cash\s+in)\s+(?:my\s+|our\s+)?(?:\w+\s+)?(?:points|rewards?)\b|\bhow\s+many\s+(?:\w+\s+)?points\b", Options, Limit)),
    ];

    // "do i need / do i have to / must i / is it required to …" before what is required.
    private const string NeedToHave = @"\b(?:(?:do|would|will|must|should)\s+(?:i|we|you)\s+(?:\w+\s+)?(?:need|have\s+to|gotta|require)|(?:is|are)\s+(?:it|there)\s+(?:an?\s+)?(?:required|requirement|necessary)|(?:i|we)\s+(?:need|have\s+to))\s+(?:to\s+)?(?:an?\s+|to\s+be\s+)?";

    // What may follow the thing required and still be about coming here: "to book", "for my facial", "there", "first".
    private const string ForTheVisit = @"(?:\s+(?:to\s+(?:book|come(?:\s+in)?|get\s+in|check\s+in|visit|get\s+(?:a|an|the)\s+\w+|be\s+seen)|for\s+(?:my|the|a|an|your)\s+(?:appt|appointment|visit|first\s+visit|massage|facial|treatment|session|service)|there|here|first|beforehand|before(?:\s+(?:i|we)\s+(?:come(?:\s+in)?|arrive))?|at\s+(?:check[\s-]?in|the\s+(?:front\s+)?desk)|or\s+(?:can|not)\b[^?.!]*))?\s*[?.!]*\s*$";

    private static readonly Regex ClothesWords = new(@"\b(?:cloth\w*|outfit|swim\s*suit|bathing\s+suit|underwear|shorts|leggings|shoes|socks)\b", Options, Limit);

    // What a spa's changing rooms provide, brought or not (round 30: "should i bring my own robe" is not what to wear).
    private static readonly Regex AmenityWords = new(@"\b(?:robes?|slippers|flip[\s-]?flops|sandals|towels?|toiletries|shampoo|body\s+wash|(?:hair|blow)\s*-?dryers?|lock)\b", Options, Limit);

    private static readonly (string Topic, Regex Pattern)[] Company =
    [
        ("children", new(@"\b(?:kids?|child|children|son|daughter|baby|babies|infant|newborn|toddler|little\s+one|\d+\s*(?:yr|year|month|mo|week|wk)s?[\s-]*old)\b", Options, Limit)),
        ("pets", new(@"\b(?:dogs?|cats?|pets?|puppy)\b", Options, Limit)),
        ("companion", new(@"\b(?:husband|wife|partner|boyfriend|girlfriend|friend|mom|mother|mum|sister)\b", Options, Limit)),
    ];

    // The words an entry of the business's information uses for each part.
    private static readonly Dictionary<string, Regex> EntryWords = new(StringComparer.Ordinal)
    {
        ["late"] = new(@"\blate\b|\bgrace\b|\btardy\b", Options, Limit),
        ["here"] = new(@"\bcheck[\s-]?in\s+at\b|\bfront\s+desk\b|\breception\b|\bwhen\s+you\s+(?:get\s+here|arrive)\b", Options, Limit),
        ["early"] = new(@"\bearly\b|\barriv\w*|\bcheck[\s-]?in\b", Options, Limit),
        ["parking"] = new(@"\bpark\w*", Options, Limit),
        ["bring"] = new(@"\bbring\b|\bbrought\b|\bprovided?\b|\bsupplies\b", Options, Limit),
        ["wear"] = new(@"\bwear\w*|\bcloth\w*|\bdress\w*|\bundress\w*", Options, Limit),
        ["along"] = new(@"\bguests?\b|\bcompan\w+|\bwaiting\b", Options, Limit),
        ["tip"] = new(@"\btip\w*|\bgratuit\w*", Options, Limit),
        ["pay"] = new(@"\bpay\w*|\bcards?\b|\bcash\b|\bcredit\b", Options, Limit),
        ["walkin"] = new(@"\bwalk[\s-]?ins?\b|\bdrop[\s-]?ins?\b|\bwithout\s+(?:an?\s+)?appointment\b", Options, Limit),
        ["prepare"] = new(@"\bbefore\b|\bprepar\w*|\bahead\b", Options, Limit),
        ["children"] = new(@"\bkids?\b|\bchild\w*|\bunder\s+\d+|\bminors?\b|\bage\b", Options, Limit),
        ["pets"] = new(@"\bdogs?\b|\bcats?\b|\bpets?\b|\banimals?\b", Options, Limit),
        ["premises"] = new(@"\bshowers?\b|\bchanging\b|\blockers?\b|\brobes?\b|\bslippers\b|\btowels?\b|\bamenit\w*|\b(?:hair|blow)\s*-?dryers?\b|\brooms?\b", Options, Limit),
        ["languages"] = new(@"\bspeaks?\b|\blanguages?\b|\bspanish\b|\bbilingual\b", Options, Limit),
        ["advance"] = new(@"\badvance\b|\bahead\b|\bbooking\s+window\b|\bbook\s+up\s+to\b", Options, Limit),
        ["companion"] = new(@"\bguests?\b|\bcompan\w+|\bfriends?\b|\bpartners?\b|\bwaiting\b", Options, Limit),
        // A requirement is answered only by an entry that says whether it is one: "Do you offer memberships? Yes. …" does
        // not answer "do i need to be a member", nor a referral program "do i need a referral".
        ["member"] = new(@"\bnon-?members?\b|\bmembers?(?:hip)?\s+(?:is\s+|are\s+)?(?:not\s+)?(?:required|needed|necessary)\b|\bopen\s+to\s+(?:everyone|all|the\s+public)\b|\bdon'?t\s+need\s+(?:a\s+membership|to\s+be\s+a\s+member)\b", Options, Limit),
        ["referral"] = new(@"\breferrals?\s+(?:is\s+|are\s+)?(?:not\s+)?(?:required|needed|necessary)\b|\b(?:without|no)\s+(?:a\s+)?referral\b", Options, Limit),
        ["id"] = new(@"\b(?:photo\s+)?id\b|\bidentification\b|\bdriver'?s\s+licen[cs]e\b", Options, Limit),
        ["clearance"] = new(@"\bdoctor'?s\s+note\b|\bclearance\b|\bnote\s+from\b", Options, Limit),
        // Not "forms of payment".
        ["forms"] = new(@"\bintake\b|\bpaperwork\b|\b(?:consent|health|medical|registration|client|history)\s+forms?\b|\bfill\s+(?:in|out)\b", Options, Limit),
        ["waiver"] = new(@"\bwaivers?\b|\bconsent\s+forms?\b|\brelease\s+forms?\b", Options, Limit),
        ["bike"] = new(@"\bbikes?\b|\bbicycles?\b|\bscooters?\b", Options, Limit),
        ["refreshments"] = new(@"\b(?:coffee|tea|water|drinks?|refreshments?|snacks?|champagne|wine|mimosas?|juice|beverages?)\b", Options, Limit),
        ["beforeafter"] = new(@"\baftercare\b|\bafter\s+(?:your|the|a)\s+(?:treatment|visit|massage|facial|appointment|session)\b", Options, Limit),
        ["rules"] = new(@"\bsmok\w*|\bvap(?:e|ing)\b|\balcohol\b|\bphones?\b|\bphotos?\b", Options, Limit),
        // Not "10% off retail": a discount on them is not whether they are sold (round 30).
        ["products"] = new(@"\bproducts?\b|\bcarry\b|\bshop\b|\bonline\s+store\b", Options, Limit),
        ["hygiene"] = new(@"\bclean\w*|\bsaniti[sz]\w*|\bsterili[sz]\w*|\bdisinfect\w*|\bhygien\w*|\bfresh\s+linens?\b", Options, Limit),
        ["reminders"] = new(@"\bremind\w*", Options, Limit),
        ["receipt"] = new(@"\breceipts?\b|\binvoices?\b", Options, Limit),
        ["lostfound"] = new(@"\blost\s+(?:and|&)\s+found\b|\bleft\s+behind\b|\bforgotten\s+items?\b", Options, Limit),
        ["comeas"] = new(@"\bmake-?up\b|\bwet\s+hair\b|\bdeodorant\b|\bcontact\s+lenses\b|\bclean\s+(?:face|skin)\b", Options, Limit),
    };

    // The same words about another place or trade: "late for work", "wear to an interview", "tip the pizza driver", "the dress
    // code for a black tie wedding" (two words before the place, round 27).
    [GeneratedRegex(@"\b(?:for|to|at)\s+(?:a|an|the|my|our|this|that|his|her|tonight'?s|tomorrow'?s)?\s*(?:\w+\s+){0,2}(?:work|job|school|class|interview|wedding|(?<!\b(?:bridal|bachelorette|spa|pamper)\s)party|game|concert|stadium|airport|flight|plane|meeting|office|restaurant|dinner|funeral|church|court|hospital|dentist|beach|movies?|theat(?:er|re)|mall|zoo|museum|exam|trial)\b|\b(?:steakhouse|restaurants?|diner|bistro|cafe|brewery|bakery|dmv|pharmacy|pizza|delivery|driver|waiter|waitress|bartender|valet|uber|lyft|taxi|cab|barista|movers?|doorman|housekeeper|hotel|boss|coworkers?|teacher|professor|landlord|carry[\s-]?on|luggage|airline)\b|\bdowntown\b", RegexOptions.CultureInvariant)]
    private static partial Regex Elsewhere();

    [GeneratedRegex(@"\b(?:open|opened|stay|staying)\s+(?:\w+\s+)?late\b|\bhow\s+late\b|\blate\s+(?:hours|nights?|evenings?|appointments?|appts?|openings?|slots?)\b|\blatest\b", RegexOptions.CultureInvariant)]
    private static partial Regex OpenLate();

    [GeneratedRegex(@"\d+\s*%|\bpercent\b|\$\s*\d|\b\d+\s*(?:dollars|bucks)\b|\bon\s+\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
