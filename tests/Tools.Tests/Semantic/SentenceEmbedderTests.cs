using FrontDesk.Tools.Semantic;

namespace FrontDesk.Tools.Tests.Semantic;

/// <summary>
/// The embedder runs the model without a lock (perf round 20): many requests embedding new sentences at once must get exactly
/// the vectors one-at-a-time embedding gives.
/// </summary>
public class SentenceEmbedderTests
{
    private static readonly string[] Messages =
    [
        "hi do u have anything open tmrw afternoon for a facial",
        "Is there parking?? i'm driving from oakland",
        "actually make that saturday, friday doesnt work",
        "how much is the hydrafacial and does it hurt",
        "can my sister come too, we both want massages",
        "¿tienen citas para masaje el sábado por la mañana?",
        "what's ur cancelation policy if im late like 10 min",
        "i have a sunburn, can i still get a chemical peel next week",
        "book me the 3pm one pls",
        "no wait, the earlier one",
        "do you sell gift cards? its for my moms bday",
        "quiero cancelar mi cita del viernes",
        "deep tissue 90 min with someone who does firm pressure",
        "where do i park when i get there",
        "thanks so much!!",
        "my name is Jordan Lee, 415 555 0199",
        "is dermaplaning ok if im pregnant",
        "can i bring my own oil for the massage",
        "what forms of payment do u take, venmo?",
        "reschedule to next tuesday same time",
        "how long does a signature facial take",
        "book a table for four at an italian place tonight",
        "do you guys do lip filler or just facials",
        "necesito estacionamiento, hay lugar cerca?",
    ];

    [Fact]
    public void Sentences_embedded_from_many_threads_at_once_get_the_vectors_embedding_them_one_at_a_time_gives()
    {
        using var alone = new SentenceEmbedder();
        var expected = Messages.Select(alone.Embed).ToArray();

        using var shared = new SentenceEmbedder();
        shared.Warm();
        var got = new float[Messages.Length * 4][];
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            // Each thread embeds its own copies of the messages (a trailing space per round: the cache never answers).
            for (var i = t; i < got.Length; i += 8)
            {
                got[i] = shared.Embed(Messages[i % Messages.Length] + new string(' ', i / Messages.Length));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        for (var i = 0; i < got.Length; i++)
        {
            Assert.Equal(expected[i % Messages.Length], got[i]);
        }
    }
}
