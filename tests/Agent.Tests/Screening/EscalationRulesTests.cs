using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Screening;

public sealed class EscalationRulesTests : IDisposable
{
    private readonly List<string> _files = [];
    private static readonly EscalationRules Shipped = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));

    [Theory]
    [InlineData("here is my card number", "sensitive", "card_number_warning")]
    [InlineData("4111 1111 1111 1111", "sensitive", "card_number_warning")]
    [InlineData("when is my wifes appointment", "sensitive", "escalation_other_person")]
    [InlineData("i want to make a complaint", "sensitive", "escalation_sensitive")]
    [InlineData("i want a refund", "pricing", "escalation_pricing")]
    [InlineData("my lips are still numb", "medical", "escalation_medical")]
    [InlineData("can i speak to a real person", "human_request", "escalation_human_request")]
    public void Shipped_rules_give_each_pattern_its_category_and_reply(string text, string category, string reply)
    {
        var match = Shipped.Match(text);
        Assert.Equal(category, match?.Category.Name);
        Assert.Equal(reply, match?.Reply);
    }

    [Theory]
    [InlineData("whats your phone number")]
    [InlineData("the number to call is on the site")]
    public void The_word_number_is_not_numbness(string text) => Assert.NotEqual("medical", Shipped.Match(text)?.Category.Name);

    // Round 19, from CLINC's dev rows: food kept in a fridge is no body's safety, and a bank account's frozen state,
    // interest or withdrawals are another business's; the same words about a treatment or a charge of ours still count.
    [Theory]
    [InlineData("is it safe to eat chicken that has been in the fridge since monday", null)]
    [InlineData("i have had pizza in the fridge since monday, so is it safe to eat", null)]
    [InlineData("how long is it safe to leave shrimp in the fridge", null)]
    [InlineData("please set my account as frozen", null)]
    [InlineData("what withdrawals were there on my account yesterday", null)]
    [InlineData("is it safe to eat right after my lip filler", "medical")]
    [InlineData("is it safe to get a facial while breastfeeding", "medical")]
    [InlineData("you took money from my account twice after my facial", "pricing|sensitive")]
    [InlineData("someone hacked my account and changed my appointments", "sensitive")]
    public void Food_and_bank_accounts_are_not_the_spas_but_its_own_matters_are(string text, string? category)
    {
        var found = Shipped.Match(text)?.Category.Name;
        if (category is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(found ?? "none", category.Split('|'));
        }
    }

    [Fact]
    public void A_pattern_that_backtracks_forever_is_skipped_and_the_others_still_match()
    {
        var rules = EscalationRules.Load(Write("""
            categories:
              emergency: { urgency: urgent, route: on_call, patterns: ["re:^(a+)+$"] }
              medical: { urgency: high, route: clinician, patterns: [rash] }
              pricing: { urgency: normal, route: manager, patterns: [refund] }
              sensitive: { urgency: high, route: manager, patterns: [lawyer] }
              human_request: { urgency: normal, route: front_desk, patterns: [a person] }
            """));
        var evil = new string('a', 40) + "! I have a rash";
        Assert.Equal("medical", rules.Match(evil)?.Category.Name);
    }

    [Fact]
    public void A_bad_pattern_in_replies_names_its_line()
    {
        var ex = Assert.Throws<InvalidDataException>(() => EscalationRules.Load(Write("""
            categories:
              emergency: { urgency: urgent, patterns: [chest pain] }
              medical: { urgency: high, patterns: [rash] }
              pricing: { urgency: normal, patterns: [refund] }
              sensitive:
                urgency: high
                replies:
                  card_number_warning:
                    - "re:([0-9"
              human_request: { urgency: normal, patterns: [a person] }
            """)));
        Assert.Contains(":9:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sensitive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_loaded_twice_share_one_compiled_expression_per_pattern()
    {
        var again = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));

        Assert.All(Shipped.Patterns.Zip(again.Patterns), pair => Assert.Same(pair.First, pair.Second));
        Assert.All(again.Patterns, p => Assert.True(p.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled), p.ToString()));
        Assert.All(again.Patterns, p => Assert.Equal(RulePatterns.MatchTimeout, p.MatchTimeout));
    }

    [Fact]
    public void A_rule_patterns_first_match_compiles_nothing_because_loading_the_rules_warmed_it()
    {
        // Patterns of this test's own (a word no other test uses), so no other test has matched them first.
        var word = "zq" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter));
        var rules = EscalationRules.Load(Write($$"""
            categories:
              emergency: { urgency: urgent, patterns: ["can't breathe {{word}}", 're:\b(?:throat|tongue)\b.{0,30}\bclos\w*{{word}}'] }
              medical: { urgency: high, patterns: [rash {{word}}] }
              pricing: { urgency: normal, patterns: [refund {{word}}] }
              sensitive: { urgency: high, patterns: [lawyer {{word}}] }
              human_request: { urgency: normal, patterns: [a person {{word}}] }
            elsewhere: ['re:\bmy\s+bank\s+{{word}}']
            """));
        var texts = new[] { $"i cant breathe {word}", $"my throat is closing{word}", $"a rash {word}", $"my bank {word}", "nothing to see here" };
        Match(Shipped, texts[0]);

        var before = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        foreach (var text in texts)
        {
            Match(rules, text);
        }
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - before;

        Assert.Equal("emergency", rules.Match(texts[1])?.Category.Name);
        Assert.Equal(0, compiled);
        // The measure sees a first match's compile: a compiled expression nobody warmed compiles its matching code.
        var cold = new System.Text.RegularExpressions.Regex($@"\b{word}\w*", System.Text.RegularExpressions.RegexOptions.Compiled);
        before = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        _ = cold.IsMatch($"x {word}s");
        Assert.True(System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) > before);
    }

    private static void Match(EscalationRules rules, string text)
    {
        foreach (var pattern in rules.Patterns)
        {
            _ = pattern.IsMatch(text);
        }
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"frontdesk-escalation-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        _files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var f in _files)
        {
            File.Delete(f);
        }
    }
}
