using FrontDesk.Agent.Brains;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Screening;
using FrontDesk.Agent.Understanding;
using FrontDesk.Tools;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FrontDesk.Agent;

/// <summary>Registers the conversation engine.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>Adds the agent, its brains, prompts, rules and conversation store (after <c>AddFrontDeskTools</c>).</summary>
    public static IServiceCollection AddFrontDeskAgent(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AgentOptions>>().Value);
        services.AddSingleton(new SchemaMigrationSet(AgentSchema.Migrations));
        services.AddSingleton<ConversationStore>();
        // Intents by meaning too (FrontDesk:Semantic:Intents, on with semantic matching): out of scope by meaning, a
        // question the spa's FAQ answers by meaning goes to the FAQ, and a service meant but not named is read by meaning
        // (docs/evaluation.md).
        services.AddSingleton(sp =>
        {
            var byMeaning = sp.GetService<Tools.Semantic.SentenceEmbedder>() is not null && sp.GetRequiredService<IOptions<Tools.Semantic.SemanticOptions>>().Value.Intents;
            var rules = sp.GetRequiredService<EscalationRules>();
            // The FAQ's own words test too: an off-topic reading its entries plainly cover is the spa's question.
            var profile = sp.GetRequiredService<SpaProfile>();
            var faqWords = new Tools.Faq.FaqWords(profile);
            bool SpokenOfByTheMenu(string concern) => Tools.Faq.ConcernQuestion.ServicesFor(profile, concern).Count > 0;
            return byMeaning
                ? new Understander(IntentClassifier.DefaultWithSemantic, sp.GetRequiredService<Tools.Faq.SemanticFaq>().AnswersQuestion,
                    sp.GetRequiredService<Tools.Semantic.SemanticServices>().Search, sp.GetRequiredService<Tools.Faq.SemanticFaq>().Closeness)
                { AboutElsewhere = text => rules.AboutElsewhere(text), AnsweredByFaqWords = faqWords.Answers, NamesFaqTopic = faqWords.NamesTopic, MenuSpeaksOf = SpokenOfByTheMenu }
                : new Understander() { AboutElsewhere = text => rules.AboutElsewhere(text), AnsweredByFaqWords = faqWords.Answers, NamesFaqTopic = faqWords.NamesTopic, MenuSpeaksOf = SpokenOfByTheMenu };
        });
        services.AddSingleton(sp =>
        {
            var languages = LocalizedTemplates.Load(PromptsDir(sp, contentRoot), "replies.yaml", sp.GetRequiredService<SpaProfile>().Spa.Languages);
            ReportMissing(sp, languages, "replies.yaml");
            return new ReplyTemplates(languages.English) { Languages = languages };
        });
        services.AddSingleton(sp => EscalationRules.Load(Path.Combine(PromptsDir(sp, contentRoot), "escalation.yaml")));
        services.AddSingleton<SafetyScreen>();
        services.AddSingleton(sp => new AgentPrompts(sp.GetRequiredService<SpaProfile>(), sp.GetRequiredService<ReplyTemplates>().Templates,
            File.ReadAllText(Path.Combine(PromptsDir(sp, contentRoot), "system.md")), sp.GetRequiredService<TimeProvider>())
        {
            Languages = sp.GetRequiredService<ReplyTemplates>().Languages,
        });
        services.AddSingleton(sp => new EmbeddedChatClient(sp.GetRequiredService<SpaProfile>(), sp.GetRequiredService<ReplyTemplates>().Templates,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Understander>())
        {
            Languages = sp.GetRequiredService<ReplyTemplates>().Languages,
        });
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.Section));
        services.AddSingleton(sp =>
        {
            var llm = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            var primary = ChatClientFactory.Create(llm);
            return new BrainSet(sp.GetRequiredService<EmbeddedChatClient>(), primary, primary is null ? null : llm.Provider.ToString().ToLowerInvariant(),
                primary is null || llm.FallbackToEmbedded);
        });
        services.AddSingleton(sp => new Turns.TurnSlots(sp.GetRequiredService<AgentOptions>()));
        services.AddSingleton<FrontDeskAgent>();
        services.AddSingleton<IWarmUp, ScreenWarmUp>();
        services.AddSingleton<IWarmUp, AgentWarmUp>();
        return services;
    }

    /// <summary>Says at start-up which keys a language's templates lack (they are said in English).</summary>
    private static void ReportMissing(IServiceProvider sp, LocalizedTemplates templates, string file)
    {
        var logger = sp.GetService<ILoggerFactory>()?.CreateLogger("FrontDesk.Prompts");
        foreach (var (language, keys) in templates.Missing.Where(m => m.Value.Count > 0))
        {
            logger?.LogWarning("prompts/{Language}/{File} has no template for {Count} keys, which are said in English: {Keys}",
                language, file, keys.Count, string.Join(", ", keys));
        }
    }

    private static string PromptsDir(IServiceProvider sp, string contentRoot) =>
        ToolsServiceCollectionExtensions.ResolvePath(sp.GetRequiredService<IOptions<SpaBookOptions>>().Value.Prompts, contentRoot);
}

/// <summary>
/// The safety screens' warm-up: builds the screen before the host says ready, which compiles and matches once every
/// rule pattern (<see cref="RulePatterns"/>), so no person's first message waits for a pattern's JIT compile inside its
/// match timeout, which the screens read as no match.
/// </summary>
public sealed class ScreenWarmUp(SafetyScreen screen) : IWarmUp
{
    /// <inheritdoc/>
    public string Name => "safety screens (compiled rule patterns)";

    /// <summary>How many compiled patterns the screen holds, once the warm-up has run (0 before).</summary>
    public int Patterns { get; private set; }

    /// <inheritdoc/>
    public Task WarmUpAsync(CancellationToken ct)
    {
        // The screen's construction (this warm-up's own) compiled and warmed them; counted for the start-up log's test.
        Patterns = screen.Patterns.Count();
        return Task.CompletedTask;
    }
}

/// <summary>The agent's start-up warm-up: a short conversation through the whole turn path (<see cref="FrontDeskAgent.WarmUpAsync"/>).</summary>
public sealed class AgentWarmUp(FrontDeskAgent agent) : IWarmUp
{
    /// <inheritdoc/>
    public string Name => "agent (screens, embedded engine, tools, conversation store)";

    /// <inheritdoc/>
    public Task WarmUpAsync(CancellationToken ct)
    {
        // The typo reading's list of real words (read from the model's package on first use), whatever the conversation asks.
        _ = Tools.Semantic.ModelVocabulary.Count;
        WarmPrefilteredExpressions();
        return agent.WarmUpAsync(ct);
    }

    /// <summary>
    /// The understanding's expressions that a prefilter derived from their own text skips on a message without their words
    /// (perf rounds 27, 28 and 30), each with a text it matches. The warm-up's conversations need not hold those words, so such an
    /// expression's matcher was compiled in a visitor's turn instead: <c>TaskElsewhere</c>'s (36 KB of IL) in the first reply
    /// after <c>/readyz</c>, "Hi, do you have parking?" (perf round 29).
    /// </summary>
    internal static IReadOnlyList<(string Name, System.Text.RegularExpressions.Regex Expression, RequiredWords? Needs, string Text)> PrefilteredExpressions { get; } =
    [
        ("TaskElsewhere", Understander.TaskElsewhereExpression, Understander.TaskElsewhereNeeds, "can you set a reminder for my dentist appt"),
        ("LanguageRequest.Asked", Languages.LanguageRequest.AskedExpression, Languages.LanguageRequest.AskedNeeds, "do you speak spanish"),
        .. ReplyCues.Prefiltered.All.Select(e => ("ReplyCues." + e.Name, e.Expression, e.Needs, e.Sample)),
        .. DateExpressionParser.Expressions.All.Select(e => ("DateExpressionParser." + e.Name, e.Regex, e.Needed, e.Name switch
        {
            nameof(DateExpressionParser.Expressions.IsoDate) => "2026-12-14",
            nameof(DateExpressionParser.Expressions.SlashDate) => "12/14",
            nameof(DateExpressionParser.Expressions.MonthDay) => "december 14",
            nameof(DateExpressionParser.Expressions.DayMonth) => "14 december",
            nameof(DateExpressionParser.Expressions.TheOrdinal) => "the 14th",
            nameof(DateExpressionParser.Expressions.Holiday) => "christmas eve",
            nameof(DateExpressionParser.Expressions.RelativeDay) => "tomorrow",
            nameof(DateExpressionParser.Expressions.InPeriod) => "in two weeks",
            nameof(DateExpressionParser.Expressions.Weekday) => "next friday",
            nameof(DateExpressionParser.Expressions.PartOfMonth) => "the first week of december",
            nameof(DateExpressionParser.Expressions.WeekFrom) => "a week from friday",
            _ => "next week",
        })),
    ];

    /// <summary>Runs each of <see cref="PrefilteredExpressions"/> once on its text, so its matcher is compiled before ready.</summary>
    internal static void WarmPrefilteredExpressions()
    {
        foreach (var (_, expression, _, text) in PrefilteredExpressions)
        {
            _ = expression.IsMatch(text);
        }
    }
}

/// <summary>The reply wording (prompts/replies.yaml), distinct from the SMS wording registered by the tools.</summary>
/// <param name="Templates">The English templates.</param>
public sealed record ReplyTemplates(TextTemplates Templates)
{
    /// <summary>The templates of every language (prompts/{language}/replies.yaml), English where a language lacks a key.</summary>
    public LocalizedTemplates Languages { get; init; } = new(Templates);
}
