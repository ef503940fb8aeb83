using FrontDesk.Tools.Text;

namespace FrontDesk.Tools.Tests.Text;

public sealed class OtherSensesTests
{
    [Theory]
    [InlineData("is a laser printer better than inkjet", "laser")]
    [InlineData("how does facial recognition work on phones", "facial")]
    [InlineData("how do i peel a mango", "peel")]
    [InlineData("best way to peel hard boiled eggs", "peel")]
    [InlineData("can i compost orange peels", "peels")]
    [InlineData("how do you wax a car", "wax")]
    [InlineData("how do you get gum out of hair", "hair")]
    [InlineData("where can i buy a massage gun", "massage")]
    [InlineData("whats a deep tissue sample", "deep tissue")]
    [InlineData("what are some fun things to do in sweden", "sweden")]
    [InlineData("how do i hammer a nail without hitting my thumb", "nail")]
    [InlineData("which naruto episodes are filler episodes", "filler")]
    public void A_spa_word_in_another_sense_is_found(string text, string word)
    {
        var spans = OtherSenses.Spans(text).ToList();
        Assert.Contains(spans, s => text.Substring(s.Start, s.Length) == word);
        Assert.DoesNotContain(word, OtherSenses.Without(text), StringComparison.Ordinal);
        Assert.Equal(text.Length, OtherSenses.Without(text).Length);
    }

    [Theory]
    [InlineData("can i book laser hair removal")]
    [InlineData("i want a chemical peel on friday")]
    [InlineData("does the facial help with acne")]
    [InlineData("a deep tissue massage please")]
    [InlineData("can i get lip filler and a swedish massage")]
    [InlineData("how long should i wait to wax after the laser")]
    [InlineData("how long does the peel take")]
    public void The_spas_own_treatments_are_left_alone(string text)
    {
        Assert.Empty(OtherSenses.Spans(text));
        Assert.Equal(text, OtherSenses.Without(text));
    }

    [Fact]
    public void Every_alternative_holds_one_of_the_spa_words_the_gate_looks_for()
    {
        // The gate (OtherSenses.SpaWords) may skip the expression only if every way it can match holds one of its words:
        // each top-level alternative's group "what", and each alternative inside that group, must hold a word of the list.
        var alternatives = TopLevel(OtherSenses.Compound().ToString(), '|');
        Assert.True(alternatives.Count > 20, $"{alternatives.Count} alternatives");
        foreach (var alternative in alternatives)
        {
            var at = alternative.IndexOf("(?<what>", StringComparison.Ordinal);
            Assert.True(at >= 0, $"no group 'what' in {alternative}");
            var group = Group(alternative, at + "(?<what>".Length);
            foreach (var part in TopLevel(group, '|'))
            {
                Assert.True(part.AsSpan().ContainsAny(OtherSenses.SpaWords), $"'{part}' (in {alternative}) holds none of the gate's words");
            }
        }
    }

    [Theory]
    [InlineData("hi! do u have anything open tmrw after 5, me and my sister want massages")]
    [InlineData("the first one")]
    [InlineData("415 555 0134")]
    [InlineData("Avery Nguyen")]
    [InlineData("yes")]
    [InlineData("is there parking?")]
    [InlineData("book a table for four at an italian restaurant tonight")]
    [InlineData("cuanto cuesta un facial? y tienen masaje de piedras calientes")]
    [InlineData("my hair dryer broke lol, can i still come in for the blowout")]
    [InlineData("how do i get a wine stain out of my couch")]
    [InlineData("mark me down for the hot stone massage, actually wait make it deep tissue")]
    [InlineData("we're flying to japan next week, can we squeeze in a facial before")]
    [InlineData("do u guys do nails or just hair")]
    [InlineData("whats the spot treatment for acne")]
    [InlineData("my lips are so chapped, lip scrub maybe?")]
    [InlineData("nail gun went thru my finger, should i come in?? jk")]
    [InlineData("thai massage vs swedish, which is better for back pain")]
    public void The_gate_leaves_every_answer_as_the_expression_gives_it(string text)
    {
        var lowered = text.ToLowerInvariant();
        var expected = OtherSenses.Compound().Matches(lowered).Select(m => (m.Groups["what"].Index, m.Groups["what"].Length)).ToList();
        Assert.Equal(expected, OtherSenses.Spans(lowered).ToList());
        if (!lowered.AsSpan().ContainsAny(OtherSenses.SpaWords))
        {
            Assert.Empty(expected);
            Assert.Same(lowered, OtherSenses.Without(lowered));
        }
    }

    // The parts of a pattern split at a character outside any group or class.
    private static List<string> TopLevel(string pattern, char separator)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == separator && depth == 0)
            {
                parts.Add(pattern[start..i]);
                start = i + 1;
            }
        }
        parts.Add(pattern[start..]);
        return parts;
    }

    // The text of the group whose contents start at <start>, up to its closing parenthesis.
    private static string Group(string pattern, int start)
    {
        var depth = 1;
        for (var i = start; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return pattern[start..i];
            }
        }
        throw new ArgumentException("unclosed group", nameof(pattern));
    }
}
