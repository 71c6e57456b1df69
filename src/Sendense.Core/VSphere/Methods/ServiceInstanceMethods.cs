using System.Xml;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere.Methods;

/// <summary>RetrieveServiceContent: the one call that needs no session and tells where everything else is.</summary>
internal static class ServiceInstanceMethods
{
    private static readonly ManagedObjectReference ServiceInstance = new ManagedObjectReference("ServiceInstance", "ServiceInstance");

    internal static Task<ServiceContent> RetrieveServiceContentAsync(SoapTransport transport, CancellationToken cancellationToken) =>
        transport.InvokeAsync("RetrieveServiceContent",
            writer => SoapEnvelopeWriter.WriteThis(writer, ServiceInstance),
            ReadServiceContent,
            cancellationToken);

    private static ServiceContent ReadServiceContent(XmlReader reader)
    {
        ManagedObjectReference root = default, collector = default, views = default, sessions = default;
        AboutInfo about = new AboutInfo();
        if (VimXml.Enter(reader))
        {
            while (VimXml.NextChild(reader))
            {
                if (!VimXml.Is(reader, VimNames.Returnval) || !VimXml.Enter(reader))
                {
                    reader.Skip();
                    continue;
                }

                while (VimXml.NextChild(reader))
                {
                    if (VimXml.Is(reader, VimNames.RootFolder))
                    {
                        root = VimXml.ReadMoRef(reader);
                    }
                    else if (VimXml.Is(reader, VimNames.PropertyCollector))
                    {
                        collector = VimXml.ReadMoRef(reader);
                    }
                    else if (VimXml.Is(reader, VimNames.ViewManager))
                    {
                        views = VimXml.ReadMoRef(reader);
                    }
                    else if (VimXml.Is(reader, VimNames.SessionManager))
                    {
                        sessions = VimXml.ReadMoRef(reader);
                    }
                    else if (VimXml.Is(reader, VimNames.About))
                    {
                        about = ReadAbout(reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }

        if (root.IsEmpty || collector.IsEmpty || sessions.IsEmpty)
        {
            throw VimXml.Unexpected("the service content lacks the root folder, property collector or session manager");
        }

        return new ServiceContent { RootFolder = root, PropertyCollector = collector, ViewManager = views, SessionManager = sessions, About = about };
    }

    private static AboutInfo ReadAbout(XmlReader reader)
    {
        string name = string.Empty, fullName = string.Empty, version = string.Empty, build = string.Empty,
            apiType = string.Empty, apiVersion = string.Empty, instanceUuid = string.Empty;
        if (VimXml.Enter(reader))
        {
            while (VimXml.NextChild(reader))
            {
                if (VimXml.Is(reader, VimNames.Name)) { name = VimXml.ReadString(reader); }
                else if (VimXml.Is(reader, VimNames.FullName)) { fullName = VimXml.ReadString(reader); }
                else if (VimXml.Is(reader, VimNames.Version)) { version = VimXml.ReadString(reader); }
                else if (VimXml.Is(reader, VimNames.Build)) { build = VimXml.ReadString(reader); }
                else if (VimXml.Is(reader, VimNames.ApiType)) { apiType = VimXml.ReadString(reader); }
                else if (VimXml.Is(reader, VimNames.ApiVersion)) { apiVersion = VimXml.ReadString(reader); }
                else if (VimXml.Is(reader, VimNames.InstanceUuid)) { instanceUuid = VimXml.ReadString(reader); }
                else { reader.Skip(); }
            }
        }

        return new AboutInfo
        {
            Name = name,
            FullName = fullName,
            Version = version,
            Build = build,
            ApiType = apiType,
            ApiVersion = apiVersion,
            InstanceUuid = instanceUuid,
        };
    }
}
