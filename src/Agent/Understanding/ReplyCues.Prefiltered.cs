namespace FrontDesk.Agent.Understanding;

public sealed partial record ReplyCues
{
    /// <summary>
    /// The expressions of <see cref="Read"/> that run only on a text holding a word they cannot match without (perf round
    /// thirty): the ones that cost most per message, each run on every message before (on the lines of the scenario suite and
    /// the intent training set, 6–15 µs a line each for the first three, about a third of the cues' time together).
    /// </summary>
    internal static class Prefiltered
    {
        public static readonly PrefilteredExpression AssistantAsAPerson = new(nameof(AssistantAsAPerson), ReplyCues.AssistantAsAPerson(), "whats your name");
        public static readonly PrefilteredExpression WhatTheAssistantDoes = new(nameof(WhatTheAssistantDoes), ReplyCues.WhatTheAssistantDoes(), "what can you help me with");
        public static readonly PrefilteredExpression Party = new(nameof(Party), ReplyCues.Party(), "me and my sister");
        public static readonly PrefilteredExpression GroupCount = new(nameof(GroupCount), GroupCountPattern(), "party of 8");
        public static readonly PrefilteredExpression NoneOfThose = new(nameof(NoneOfThose), ReplyCues.NoneOfThose(), "none of those work");
        public static readonly PrefilteredExpression PlaceAfterIn = new(nameof(PlaceAfterIn), PlaceAfterInPattern(), "any openings in boston?");
        public static readonly PrefilteredExpression RequestWord = new(nameof(RequestWord), ReplyCues.RequestWord(), "can i book");
        public static readonly PrefilteredExpression NoCodeCame = new(nameof(NoCodeCame), ReplyCues.NoCodeCame(), "i didnt get it");
        public static readonly PrefilteredExpression DoesAsked = new(nameof(DoesAsked), ReplyCues.DoesAsked(), "does maya do facials");
        public static readonly PrefilteredExpression HoursWord = new(nameof(HoursWord), ReplyCues.HoursWord(), "are you open sunday");
        public static readonly PrefilteredExpression Nudged = new(nameof(Nudged), ReplyCues.Nudged(), "nothing later?");
        public static readonly PrefilteredExpression PaceAsked = new(nameof(PaceAsked), ReplyCues.PaceAsked(), "slow down please");
        public static readonly PrefilteredExpression DateQuestion = new(nameof(DateQuestion), ReplyCues.DateQuestion(), "what's today's date");
        public static readonly PrefilteredExpression AsBefore = new(nameof(AsBefore), ReplyCues.AsBefore(), "my usual");
        public static readonly PrefilteredExpression AcknowledgementOnly = new(nameof(AcknowledgementOnly), ReplyCues.AcknowledgementOnly(), "ok");

        /// <summary>All of them.</summary>
        public static readonly IReadOnlyList<PrefilteredExpression> All =
            [AssistantAsAPerson, WhatTheAssistantDoes, Party, GroupCount, NoneOfThose, PlaceAfterIn, RequestWord, NoCodeCame, DoesAsked, HoursWord, Nudged, PaceAsked, DateQuestion, AsBefore, AcknowledgementOnly];
    }
}
