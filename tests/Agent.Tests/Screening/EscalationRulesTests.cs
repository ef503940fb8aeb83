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
