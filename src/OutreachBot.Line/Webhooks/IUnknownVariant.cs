using System.Text.Json;

namespace OutreachBot.Line.Webhooks;

/// <summary>A record that stands for a <c>type</c> this model does not know, keeping what LINE sent.</summary>
public interface IUnknownVariant
{
    /// <summary>The <c>type</c> value as sent; empty when the object had none.</summary>
    string Type { get; }

    /// <summary>The whole object as sent.</summary>
    JsonElement Json { get; }
}
