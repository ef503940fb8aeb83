using FrontDesk.Tools.Availability;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Verification;
using FrontDesk.Tools.Waitlist;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace FrontDesk.Tools;

/// <summary>
/// The names of the spa's tools as every brain and every transcript sees them. Semantic Kernel would prefix a
/// plugin's name (<c>Booking_book_appointment</c>); the model, the embedded engine, the audit tags and the evaluation
/// all use these bare names, so the functions are handed over without the prefix.
/// </summary>
public static class ToolNames
{
#pragma warning disable CS1591 // the names are their own documentation
    public const string CheckAvailability = "check_availability";
    public const string FindClient = "find_client";
    public const string BookAppointment = "book_appointment";
    public const string ListAppointments = "list_appointments";
    public const string CancelAppointment = "cancel_appointment";
    public const string RescheduleAppointment = "reschedule_appointment";
    public const string JoinWaitlist = "join_waitlist";
    public const string FindWaitlistOffer = "find_waitlist_offer";
    public const string AcceptWaitlistOffer = "accept_waitlist_offer";
    public const string DeclineWaitlistOffer = "decline_waitlist_offer";
    public const string AnswerFaq = "answer_faq";
    public const string SendVerificationCode = "send_verification_code";
    public const string VerifyPhone = "verify_phone";
#pragma warning restore CS1591
}

/// <summary>
/// The spa's book as Semantic Kernel plugins, one per concern, built once. Each turn gets the functions bound to a
/// kernel that carries that conversation's <see cref="ConversationScope"/>: the tools act for it and enforce
/// identity, offers and confirmations themselves, whatever the model asks.
/// </summary>
public sealed class SpaToolsFactory
{
    private const string ScopeKey = "frontdesk.scope";
    private readonly KernelPlugin[] _plugins;
    private readonly KernelFunction[] _functions;

    /// <summary>Builds the plugins from their DI-created instances.</summary>
    public SpaToolsFactory(AvailabilityPlugin availability, BookingPlugin booking, ClientsPlugin clients, WaitlistPlugin waitlist, FaqPlugin faq, VerificationPlugin verification)
    {
        _plugins =
        [
            KernelPluginFactory.CreateFromObject(availability, "availability"),
            KernelPluginFactory.CreateFromObject(clients, "clients"),
            KernelPluginFactory.CreateFromObject(booking, "booking"),
            KernelPluginFactory.CreateFromObject(waitlist, "waitlist"),
            KernelPluginFactory.CreateFromObject(faq, "faq"),
            KernelPluginFactory.CreateFromObject(verification, "verification"),
        ];
        // The same functions without the plugin prefix, so the model sees exactly the names in ToolNames.
        _functions = [.. _plugins.SelectMany(p => p).Select(f => f.Clone(pluginName: null!))];
    }

    /// <summary>The plugins (for a <see cref="Kernel"/> or for inspection).</summary>
    public IReadOnlyList<KernelPlugin> Plugins => _plugins;

    /// <summary>Tools acting for <paramref name="scope"/>.</summary>
    public SpaTools Create(ConversationScope scope)
    {
        var kernel = new Kernel();
        kernel.Data[ScopeKey] = scope;
        // Thin wrappers over the functions built once: cloning a function for a kernel (WithKernel) builds its JSON
        // schema again, which cost more than the rest of a turn's tool plumbing.
        return new SpaTools([.. _functions.Select(f => new ScopedFunction(f, kernel))]);
    }

    /// <summary>The conversation a turn's kernel acts for.</summary>
    internal static ConversationScope ScopeOf(Kernel kernel) =>
        kernel.Data.TryGetValue(ScopeKey, out var scope) && scope is ConversationScope s
            ? s
            : throw new InvalidOperationException("The spa's tools run only for a conversation (SpaToolsFactory.Create).");
}

/// <summary>
/// A function of the spa's book run with a turn's kernel: Semantic Kernel takes the kernel from the arguments' services
/// before its own (unset) one, so the shared function acts for this turn's conversation.
/// </summary>
internal sealed class ScopedFunction(AIFunction function, Kernel kernel) : DelegatingAIFunction(function)
{
    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        arguments.Services = new KernelFirst(kernel, arguments.Services);
        return base.InvokeCoreAsync(arguments, cancellationToken);
    }

    /// <summary>The turn's kernel, then whatever services the caller gave.</summary>
    private sealed class KernelFirst(Kernel kernel, IServiceProvider? services) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(Kernel) ? kernel : services?.GetService(serviceType);
    }
}

/// <summary>The spa's tools for one conversation turn.</summary>
public sealed class SpaTools
{
    private readonly IList<AITool> _functions;

    internal SpaTools(IList<AITool> functions) => _functions = functions;

    /// <summary>The tools as functions for an <see cref="IChatClient"/>, named by <see cref="ToolNames"/>.</summary>
    public IList<AITool> AsAIFunctions() => _functions;

    /// <summary>Names of tools that change data (used to measure false actions).</summary>
    public static IReadOnlySet<string> WritingTools { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ToolNames.BookAppointment, ToolNames.CancelAppointment, ToolNames.RescheduleAppointment, ToolNames.JoinWaitlist, ToolNames.AcceptWaitlistOffer,
        ToolNames.DeclineWaitlistOffer,
    };
}

/// <summary>Reads the conversation a tool call acts for from the turn's kernel.</summary>
public static class ToolKernelExtensions
{
    /// <summary>The conversation this kernel's tool calls act for.</summary>
    public static ConversationScope ConversationScope(this Kernel kernel) => SpaToolsFactory.ScopeOf(kernel);
}
