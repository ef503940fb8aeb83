using FrontDesk.Tools.Availability;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools;

/// <summary>
/// First-use work done at start-up, before the host reports ready (<c>/readyz</c>), so the first conversation is as
/// fast as the hundredth: code paths compiled, indexes loaded, pools filled. The host runs every registered warm-up once,
/// in registration order (<c>services.AddSingleton&lt;IWarmUp, …&gt;()</c>); a failing warm-up is logged and does not stop
/// start-up. A warm-up must not change what the spa sees: read, or clean up what it wrote.
/// </summary>
public interface IWarmUp
{
    /// <summary>Name in the start-up log.</summary>
    string Name { get; }

    /// <summary>Does the first-use work.</summary>
    Task WarmUpAsync(CancellationToken ct);
}

/// <summary>
/// The spa's book: the store's connections (on PostgreSQL the pool's minimum, opened at once: <see cref="SpaDatabase.WarmConnectionsAsync"/>), an FAQ search (the index and its query), and an
/// availability search for the profile's first service tomorrow (the schedule walk and the appointment query). Reads only.
/// </summary>
public sealed class SpaBookWarmUp(SpaDatabase db, SpaProfile profile, FaqIndex faq, AvailabilityFinder availability, TimeProvider clock) : IWarmUp
{
    /// <inheritdoc/>
    public string Name => "spa book (store, FAQ index, availability)";

    /// <inheritdoc/>
    public async Task WarmUpAsync(CancellationToken ct)
    {
        await db.WarmConnectionsAsync(ct);
        if (profile.Services.Count > 0)
        {
            var service = profile.Services[0];
            await faq.SearchAsync(service.Name, 3, ct, profile.DefaultLocation.Id);
            var tomorrow = profile.Today(clock).AddDays(1);
            await availability.FindAsync(new AvailabilityQuery(service, tomorrow, tomorrow), ct);
        }
    }
}

/// <summary>
/// Loads the sentence-embedding model and embeds the profile's FAQ entries, facts and services (registered only when
/// semantic matching is on), so the first message does not pay for it.
/// </summary>
public sealed class SemanticWarmUp(SentenceEmbedder embedder, SemanticFaq faq, SemanticServices services) : IWarmUp
{
    /// <inheritdoc/>
    public string Name => "semantic matching (MiniLM model, FAQ and service embeddings)";

    /// <inheritdoc/>
    public Task WarmUpAsync(CancellationToken ct)
    {
        embedder.Warm();
        faq.Warm();
        services.Warm();
        return Task.CompletedTask;
    }
}
