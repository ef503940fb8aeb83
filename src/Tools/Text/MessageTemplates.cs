namespace FrontDesk.Tools.Text;

/// <summary>
/// The texts the spa sends (<c>prompts/messages.yaml</c>, and <c>prompts/{language}/messages.yaml</c> for the other
/// languages it serves), so a confirmation, reminder or waitlist offer goes out in the client's language.
/// </summary>
/// <param name="Languages">The templates per language; a key a language lacks is English.</param>
public sealed record MessageTemplates(LocalizedTemplates Languages)
{
    /// <summary>The templates of a language (English for none or an unknown one).</summary>
    public TextTemplates For(string? language) => Languages.For(language);
}
