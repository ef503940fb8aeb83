namespace FrontDesk.Agent.Brains;

/// <summary>Why a remote model could not answer.</summary>
public enum LlmFailureKind
{
    /// <summary>The server answered with an HTTP error status (see <see cref="LlmUnavailableException.StatusCode"/>).</summary>
    HttpError,
    /// <summary>No answer within <see cref="LlmOptions.TimeoutSeconds"/>.</summary>
    Timeout,
    /// <summary>The server could not be reached, or the connection broke.</summary>
    Network,
    /// <summary>The server answered with something that is not a Chat Completions response.</summary>
    InvalidResponse,
}

/// <summary>
/// The remote model did not answer usefully: an HTTP error, a timeout, a network failure or a malformed reply.
/// The caller is expected to fall back (to the embedded engine or a scripted apology), not to retry in a loop.
/// </summary>
/// <remarks>The message never contains the API key.</remarks>
public sealed class LlmUnavailableException : Exception
{
    /// <summary>Creates the exception with no detail.</summary>
    public LlmUnavailableException()
        : this("The language model is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LlmUnavailableException(string message)
        : this(message, LlmFailureKind.Network, statusCode: null, innerException: null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LlmUnavailableException(string message, Exception? innerException)
        : this(message, LlmFailureKind.Network, statusCode: null, innerException)
    {
    }

    /// <summary>Creates the exception with all details.</summary>
    /// <param name="message">What went wrong; must not contain the API key.</param>
    /// <param name="kind">Why the model was unavailable.</param>
    /// <param name="statusCode">The HTTP status, when the server answered.</param>
    /// <param name="innerException">The cause, if it is safe to keep (it must not carry the key either).</param>
    public LlmUnavailableException(string message, LlmFailureKind kind, int? statusCode, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    /// <summary>Why the model was unavailable.</summary>
    public LlmFailureKind Kind { get; }

    /// <summary>The HTTP status code when the server answered (e.g. 401, 429, 500); otherwise null.</summary>
    public int? StatusCode { get; }
}
