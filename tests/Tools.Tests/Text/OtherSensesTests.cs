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
}
