using System.Xml;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// Writes vim25 request envelopes with XmlWriter (so every value is escaped) in WSDL element order. The bytes live in
/// one buffer that <see cref="SoapRequestBody.Clear"/> wipes after sending, because a Login body holds a password.
/// </summary>
internal static class SoapEnvelopeWriter
{
    private static readonly XmlWriterSettings Settings = new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        OmitXmlDeclaration = false,
        CloseOutput = false,
    };

    /// <summary>Writes &lt;Envelope&gt;&lt;Body&gt;&lt;method xmlns="urn:vim25"&gt; body &lt;/method&gt;... into a buffer.</summary>
    internal static SoapRequestBody Write(string method, Action<XmlWriter> writeParameters)
    {
        var stream = new MemoryStream(1024);
        using (XmlWriter writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("soapenv", "Envelope", VimNames.SoapEnvelopeNamespace);
            writer.WriteAttributeString("xmlns", "xsd", null, VimNames.XsdNamespace);
            writer.WriteAttributeString("xmlns", "xsi", null, VimNames.XsiNamespace);
            writer.WriteStartElement("soapenv", "Body", VimNames.SoapEnvelopeNamespace);
            writer.WriteStartElement(method, VimNames.Vim25Namespace);
            writeParameters(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return new SoapRequestBody(method, stream);
    }

    /// <summary>&lt;name type="T"&gt;id&lt;/name&gt;.</summary>
    internal static void WriteMoRef(XmlWriter writer, string element, ManagedObjectReference reference)
    {
        writer.WriteStartElement(element, VimNames.Vim25Namespace);
        writer.WriteAttributeString("type", reference.Type);
        writer.WriteString(reference.Value);
        writer.WriteEndElement();
    }

    /// <summary>&lt;_this type="T"&gt;id&lt;/_this&gt;: the object the method runs on.</summary>
    internal static void WriteThis(XmlWriter writer, ManagedObjectReference reference) => WriteMoRef(writer, "_this", reference);

    /// <summary>&lt;name&gt;text&lt;/name&gt;.</summary>
    internal static void WriteElement(XmlWriter writer, string element, string value) =>
        writer.WriteElementString(element, VimNames.Vim25Namespace, value);

    /// <summary>Writes a PropertyFilterSpec (propSet, objectSet, reportMissingObjectsInResults: WSDL order).</summary>
    internal static void WriteFilterSpec(XmlWriter writer, string element, PropertyFilterSpec spec)
    {
        writer.WriteStartElement(element, VimNames.Vim25Namespace);
        foreach (PropertySpec property in spec.PropSet)
        {
            writer.WriteStartElement("propSet", VimNames.Vim25Namespace);
            WriteElement(writer, "type", property.Type);
            foreach (string path in property.PathSet)
            {
                WriteElement(writer, "pathSet", path);
            }

            writer.WriteEndElement();
        }

        foreach (ObjectSpec objectSpec in spec.ObjectSet)
        {
            writer.WriteStartElement("objectSet", VimNames.Vim25Namespace);
            WriteMoRef(writer, "obj", objectSpec.Obj);
            if (objectSpec.Skip || objectSpec.SelectSet is not null)
            {
                WriteElement(writer, "skip", objectSpec.Skip ? "true" : "false");
            }

            if (objectSpec.SelectSet is { } traversal)
            {
                writer.WriteStartElement("selectSet", VimNames.Vim25Namespace);
                writer.WriteAttributeString("xsi", "type", VimNames.XsiNamespace, "TraversalSpec");
                WriteElement(writer, "type", traversal.Type);
                WriteElement(writer, "path", traversal.Path);
                WriteElement(writer, "skip", traversal.Skip ? "true" : "false");
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        if (spec.ReportMissingObjectsInResults)
        {
            WriteElement(writer, "reportMissingObjectsInResults", "true");
        }

        writer.WriteEndElement();
    }
}

/// <summary>A written request envelope: the SOAP method and its UTF-8 bytes.</summary>
internal sealed class SoapRequestBody
{
    private readonly MemoryStream _stream;

    internal SoapRequestBody(string method, MemoryStream stream)
    {
        Method = method;
        _stream = stream;
    }

    internal string Method { get; }

    internal ArraySegment<byte> Bytes => new ArraySegment<byte>(_stream.GetBuffer(), 0, (int)_stream.Length);

    /// <summary>Overwrites the bytes (a Login body carries the password).</summary>
    internal void Clear() => Array.Clear(_stream.GetBuffer(), 0, _stream.GetBuffer().Length);

    /// <summary>The envelope as text (tests and debugging only; never for a Login body).</summary>
    public override string ToString() => Encoding.UTF8.GetString(_stream.GetBuffer(), 0, (int)_stream.Length);
}
