using System.Xml;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere.Methods;

/// <summary>RetrievePropertiesEx, ContinueRetrievePropertiesEx and CancelRetrievePropertiesEx.</summary>
internal static class PropertyCollectorMethods
{
    internal static SoapRequestBody RetrievePropertiesEx(ManagedObjectReference collector, PropertyFilterSpec spec, int maxObjects) =>
        SoapEnvelopeWriter.Write("RetrievePropertiesEx", writer =>
        {
            SoapEnvelopeWriter.WriteThis(writer, collector);
            SoapEnvelopeWriter.WriteFilterSpec(writer, "specSet", spec);
            writer.WriteStartElement("options", VimNames.Vim25Namespace);
            if (maxObjects > 0)
            {
                SoapEnvelopeWriter.WriteElement(writer, "maxObjects", maxObjects.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            writer.WriteEndElement();
        });

    internal static SoapRequestBody ContinueRetrievePropertiesEx(ManagedObjectReference collector, string token) =>
        SoapEnvelopeWriter.Write("ContinueRetrievePropertiesEx", writer =>
        {
            SoapEnvelopeWriter.WriteThis(writer, collector);
            SoapEnvelopeWriter.WriteElement(writer, "token", token);
        });

    internal static Task<bool> CancelRetrievePropertiesExAsync(SoapTransport transport, ManagedObjectReference collector, string token,
        CancellationToken cancellationToken) =>
        transport.InvokeAsync("CancelRetrievePropertiesEx",
            writer =>
            {
                SoapEnvelopeWriter.WriteThis(writer, collector);
                SoapEnvelopeWriter.WriteElement(writer, "token", token);
            },
            reader => true,
            cancellationToken);

    /// <summary>
    /// Reads a RetrievePropertiesExResponse or ContinueRetrievePropertiesExResponse into the visitor. The token is put
    /// into <paramref name="page"/> as soon as it is read (before the objects, in WSDL order), so a failure half way
    /// through a page can still cancel the rest of the result set.
    /// </summary>
    internal static bool ReadRetrieveResult(XmlReader reader, IObjectContentVisitor visitor, RetrievePage page)
    {
        if (!VimXml.Enter(reader))
        {
            return true;
        }

        while (VimXml.NextChild(reader))
        {
            if (!VimXml.Is(reader, VimNames.Returnval) || !VimXml.Enter(reader))
            {
                reader.Skip();
                continue;
            }

            while (VimXml.NextChild(reader))
            {
                if (VimXml.Is(reader, VimNames.Token))
                {
                    string token = VimXml.ReadString(reader);
                    page.Token = token.Length == 0 ? null : token;
                }
                else if (VimXml.Is(reader, VimNames.Objects))
                {
                    ReadObjectContent(reader, visitor, page);
                    page.Objects++;
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return true;
    }

    private static void ReadObjectContent(XmlReader reader, IObjectContentVisitor visitor, RetrievePage page)
    {
        if (!VimXml.Enter(reader))
        {
            return;
        }

        bool begun = false;
        while (VimXml.NextChild(reader))
        {
            if (VimXml.Is(reader, VimNames.Obj))
            {
                visitor.BeginObject(VimXml.ReadMoRef(reader));
                begun = true;
            }
            else if (!begun)
            {
                throw VimXml.Unexpected("an ObjectContent without obj first");
            }
            else if (VimXml.Is(reader, VimNames.PropSet))
            {
                ReadDynamicProperty(reader, visitor);
            }
            else if (VimXml.Is(reader, VimNames.MissingSet))
            {
                ReadMissingProperty(reader, visitor, page);
            }
            else
            {
                reader.Skip();
            }
        }

        if (begun)
        {
            visitor.EndObject();
        }
    }

    private static void ReadDynamicProperty(XmlReader reader, IObjectContentVisitor visitor)
    {
        if (!VimXml.Enter(reader))
        {
            return;
        }

        string? name = null;
        while (VimXml.NextChild(reader))
        {
            if (VimXml.Is(reader, VimNames.Name))
            {
                name = VimXml.ReadString(reader);
            }
            else if (VimXml.Is(reader, VimNames.Val) && name is not null)
            {
                visitor.Property(name, reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void ReadMissingProperty(XmlReader reader, IObjectContentVisitor visitor, RetrievePage page)
    {
        if (!VimXml.Enter(reader))
        {
            return;
        }

        string path = string.Empty;
        VimFault? fault = null;
        while (VimXml.NextChild(reader))
        {
            if (VimXml.Is(reader, VimNames.Path))
            {
                path = VimXml.ReadString(reader);
            }
            else if (reader.LocalName == "fault")
            {
                fault = VimFault.ReadLocalizedMethodFault(reader);
            }
            else
            {
                reader.Skip();
            }
        }

        fault ??= new VimFault("MethodFault", string.Empty, new System.Collections.Generic.Dictionary<string, string>());
        if (fault.IsNotAuthenticated)
        {
            // The session expired mid-sweep: vCenter answers the call but withholds every value. Never treat this as
            // an object without data; the caller logs in again and starts over.
            throw new VimFaultException(page.Method, fault);
        }

        visitor.Missing(path, fault);
    }
}

/// <summary>What one page of a retrieval carried besides its objects.</summary>
internal sealed class RetrievePage
{
    internal RetrievePage(string method) => Method = method;

    internal string Method { get; }

    /// <summary>The token for the next page; null on the last page.</summary>
    internal string? Token { get; set; }

    internal int Objects { get; set; }
}
