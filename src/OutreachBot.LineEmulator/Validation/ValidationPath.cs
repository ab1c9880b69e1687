using System.Globalization;
using System.Text;

namespace OutreachBot.LineEmulator.Validation;

/// <summary>
/// Where the validator is in a body (<c>messages[0].quickReply.items[2]</c>), as a stack it pushes and pops while it
/// walks. The text is only built for an error: a valid body, the usual case, costs no string per property and item.
/// </summary>
internal sealed class ValidationPath(string root)
{
    private readonly List<(string? Name, int Index)> _segments = [];

    public void Push(string name) => _segments.Add((name, 0));

    public void Push(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>This path with one more property, as text.</summary>
    public string With(string name) => SchemaValidator.Join(ToString(), name);

    public override string ToString()
    {
        if (_segments.Count == 0)
        {
            return root;
        }

        var text = new StringBuilder(root);
        foreach (var (name, index) in _segments)
        {
            if (name is null)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                (text.Length == 0 ? text : text.Append('.')).Append(name);
            }
        }

        return text.ToString();
    }
}
