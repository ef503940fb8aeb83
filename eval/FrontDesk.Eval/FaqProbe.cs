using System.Globalization;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;

namespace FrontDesk.Eval;

/// <summary>
/// <c>faq-probe [profile]</c>: for each question on standard input, the profile's closest FAQ entries by meaning and
/// their similarity, against <see cref="SemanticFaq.AnswerAt"/> and <see cref="SemanticFaq.SuggestAt"/>. For tuning
/// and for a spa checking how its FAQ reads.
/// </summary>
public static class FaqProbe
{
    public static async Task<int> RunAsync(string? profileName)
    {
        var profile = SpaProfileLoader.Load(RepoPaths.Profile(profileName ?? "demo"));
        var faq = new SemanticFaq(profile, SentenceEmbedder.Shared);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var top = faq.Search(line, 2);
            var verdict = top[0].Similarity >= SemanticFaq.AnswerAt ? "answer" : top[0].Similarity >= SemanticFaq.SuggestAt ? "did-you-mean" : "none";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{top[0].Similarity:F3} {verdict,-12} {line}\n      1: {top[0].Entry.Question}\n      2: {top[1].Similarity:F3} {top[1].Entry.Question}"));
        }
        return 0;
    }
}
