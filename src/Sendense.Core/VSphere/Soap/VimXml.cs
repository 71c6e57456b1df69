using System.Xml;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// Small reading steps over a streaming XmlReader. Every Read* method starts on an element's start tag and leaves the
/// reader on the node after that element's end tag, so callers can chain them without tracking depth.
/// </summary>
internal static class VimXml
{
    /// <summary>Reader settings for vim25 responses: no DTDs, no resolver, whitespace dropped.</summary>
    internal static XmlReaderSettings ReaderSettings() => new XmlReaderSettings
    {
        NameTable = VimNames.CreateNameTable(),
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
    };

    /// <summary>True when the reader is on a start tag with this (atomized) local name.</summary>
    internal static bool Is(XmlReader reader, string atom) =>
        reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, atom);

    /// <summary>
    /// Steps into the current element. Returns false (and steps past it) when it is empty; otherwise the reader is
    /// on its first child node and <see cref="NextChild"/> walks the children.
    /// </summary>
    internal static bool Enter(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }

        reader.Read();
        return true;
    }

    /// <summary>
    /// Moves to the next child element of an entered element; false (reader past the parent's end tag) when there is
    /// none. Text and other node kinds between children are skipped.
    /// </summary>
    internal static bool NextChild(XmlReader reader)
    {
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return false;
                case XmlNodeType.None:
                    throw new XmlException("The response ended inside an element.");
                default:
                    reader.Read();
                    break;
            }
        }
    }

    /// <summary>The xsi:type of the current element, resolved by namespace URI (vcsim writes XMLSchema-instance:type), without its prefix.</summary>
    internal static string? XsiType(XmlReader reader)
    {
        string? value = reader.GetAttribute("type", VimNames.XsiNamespace);
        if (value is null)
        {
            return null;
        }

        int colon = value.IndexOf(':');
        return colon < 0 ? value : value.Substring(colon + 1);
    }

    /// <summary>The element's text.</summary>
    internal static string ReadString(XmlReader reader) => reader.ReadElementContentAsString();

    /// <summary>The element's text as an int; 0 when empty or not a number.</summary>
    internal static int ReadInt(XmlReader reader)
    {
        string text = reader.ReadElementContentAsString();
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : 0;
    }

    /// <summary>The element's text as a long; 0 when empty or not a number.</summary>
    internal static long ReadLong(XmlReader reader)
    {
        string text = reader.ReadElementContentAsString();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : 0;
    }

    /// <summary>The element's text as xsd:boolean (true/false/1/0).</summary>
    internal static bool ReadBool(XmlReader reader)
    {
        string text = reader.ReadElementContentAsString().Trim();
        return text == "true" || text == "1";
    }

    /// <summary>A ManagedObjectReference element: the type attribute (no namespace) and the id as text.</summary>
    internal static ManagedObjectReference ReadMoRef(XmlReader reader)
    {
        string type = reader.GetAttribute(VimNames.Type) ?? string.Empty;
        string value = reader.ReadElementContentAsString();
        return new ManagedObjectReference(type, value);
    }

    /// <summary>Steps over the current element and everything in it.</summary>
    internal static void Skip(XmlReader reader) => reader.Skip();

    /// <summary>Parses a server-written invariant integer (or null).</summary>
    internal static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;

    /// <summary>Raised when a response is well-formed XML but not the expected vim25 shape.</summary>
    internal static XmlException Unexpected(string what) => new XmlException("Unexpected SOAP response: " + what);

    /// <summary>Compares two dotted version strings numerically (8.0.3.0 &gt; 8.0.2.0 &gt; 7.0).</summary>
    internal static int CompareVersions(string left, string right)
    {
        string[] a = left.Split('.');
        string[] b = right.Split('.');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            int x = i < a.Length ? ParseInt(a[i]) ?? 0 : 0;
            int y = i < b.Length ? ParseInt(b[i]) ?? 0 : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }
}
