using System.Xml;

namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// A vim25 fault: the MethodFault type (InvalidLogin, NotAuthenticated, InvalidProperty...), the server's message, and
/// the fault's simple fields (name, privilegeId, obj...) for messages. Read from a SOAP Fault's detail or from a
/// missingSet entry.
/// </summary>
internal sealed class VimFault
{
    internal VimFault(string typeName, string message, IReadOnlyDictionary<string, string> fields)
    {
        TypeName = typeName;
        Message = message;
        Fields = fields;
    }

    /// <summary>The fault type without the "Fault" element suffix, e.g. InvalidLogin.</summary>
    internal string TypeName { get; }

    /// <summary>faultstring or localizedMessage; may be empty.</summary>
    internal string Message { get; }

    /// <summary>Text of the fault's direct child elements (e.g. name for InvalidProperty).</summary>
    internal IReadOnlyDictionary<string, string> Fields { get; }

    internal bool Is(string typeName) => string.Equals(TypeName, typeName, StringComparison.Ordinal);

    /// <summary>The session is gone: log in again (or tell the user to).</summary>
    internal bool IsNotAuthenticated => Is("NotAuthenticated");

    internal string? Field(string name) => Fields.TryGetValue(name, out string? value) ? value : null;

    /// <summary>
    /// Reads a MethodFault element (a SOAP detail child such as &lt;InvalidLoginFault xsi:type="InvalidLogin"&gt;, or the
    /// inner &lt;fault&gt; of a LocalizedMethodFault). The type is the xsi:type when present, else the element name
    /// without its "Fault" suffix.
    /// </summary>
    internal static VimFault ReadMethodFault(XmlReader reader, string message)
    {
        string typeName = VimXml.XsiType(reader) ?? StripFaultSuffix(reader.LocalName);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (VimXml.Enter(reader))
        {
            while (VimXml.NextChild(reader))
            {
                string name = reader.LocalName;
                string? objectType = reader.GetAttribute(VimNames.Type);
                string text = ReadTextOrSkip(reader);
                if (text.Length > 0 && !fields.ContainsKey(name))
                {
                    fields[name] = objectType is null ? text : objectType + ":" + text;
                }
            }
        }

        return new VimFault(typeName, message, fields);
    }

    /// <summary>Reads a LocalizedMethodFault (&lt;fault&gt;&lt;fault xsi:type=...&gt;...&lt;/fault&gt;&lt;localizedMessage&gt;...).</summary>
    internal static VimFault ReadLocalizedMethodFault(XmlReader reader)
    {
        VimFault? inner = null;
        string message = string.Empty;
        if (VimXml.Enter(reader))
        {
            while (VimXml.NextChild(reader))
            {
                if (reader.LocalName == "fault")
                {
                    inner = ReadMethodFault(reader, string.Empty);
                }
                else if (VimXml.Is(reader, VimNames.LocalizedMessage))
                {
                    message = VimXml.ReadString(reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        inner ??= new VimFault("MethodFault", message, new Dictionary<string, string>());
        return new VimFault(inner.TypeName, message.Length > 0 ? message : inner.Message, inner.Fields);
    }

    private static string ReadTextOrSkip(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        // Simple fields only; nested structures (e.g. a fault's faultCause) are skipped.
        var subtree = reader.ReadSubtree();
        string text = string.Empty;
        bool nested = false;
        subtree.Read();
        while (subtree.Read())
        {
            if (subtree.NodeType == XmlNodeType.Element)
            {
                nested = true;
            }
            else if (subtree.NodeType == XmlNodeType.Text && !nested)
            {
                text += subtree.Value;
            }
        }

        subtree.Dispose();
        reader.Read();
        return nested ? string.Empty : text.Trim();
    }

    private static string StripFaultSuffix(string elementName) =>
        elementName.EndsWith("Fault", StringComparison.Ordinal) && elementName.Length > 5
            ? elementName.Substring(0, elementName.Length - 5)
            : elementName;

    /// <inheritdoc />
    public override string ToString() => Message.Length > 0 ? TypeName + ": " + Message : TypeName;
}
