using FrontDesk.Tools.Semantic;

namespace FrontDesk.Tools.Tests.Semantic;

public sealed class ModelVocabularyTests
{
    [Theory]
    [InlineData("song")]
    [InlineData("feel")]
    [InlineData("hard")]
    [InlineData("massage")]
    [InlineData("message")]
    public void Common_words_are_words(string word) => Assert.True(ModelVocabulary.IsWord(word));

    [Theory]
    [InlineData("masage")]
    [InlineData("facail")]
    [InlineData("peal")]
    [InlineData("##ing")]
    [InlineData("[pad]")]
    public void Typos_word_pieces_and_markers_are_not(string word) => Assert.False(ModelVocabulary.IsWord(word));

    [Fact]
    public void The_bundled_list_is_read_whole() => Assert.InRange(ModelVocabulary.Count, 15_000, 30_522);
}
