using System.Text.Json;
using System.Text.Json.Serialization;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Transcripts;

namespace FrontDesk.Agent.Conversations;

/// <summary>
/// Serialization code generated at build time for what every turn reads and writes as JSON: the conversation's state
/// (its scope and history), the embedded engine's dialogue state and a transcript turn's tags. With
/// <see cref="ConversationState.Json"/> (reflection) System.Text.Json writes these through its general converters; the
/// generated code writes each property directly. Same settings as <see cref="ConversationState.Json"/>, so the JSON is
/// the same either way and states stored before read the same (test <c>StateJsonContextTests</c>). Anything else written with
/// those settings (tool results, call arguments: types known only at run time) stays with reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
[JsonSerializable(typeof(DialogueState))]
[JsonSerializable(typeof(TurnTags))]
[JsonSerializable(typeof(FrontDesk.Tools.ConversationScope))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
