using System.Xml;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere.Methods;

/// <summary>CreateContainerView and DestroyView.</summary>
internal static class ViewManagerMethods
{
    internal static Task<ManagedObjectReference> CreateContainerViewAsync(SoapTransport transport, ManagedObjectReference viewManager,
        ManagedObjectReference container, IReadOnlyList<string> types, bool recursive, CancellationToken cancellationToken) =>
        transport.InvokeAsync("CreateContainerView",
            writer =>
            {
                SoapEnvelopeWriter.WriteThis(writer, viewManager);
                SoapEnvelopeWriter.WriteMoRef(writer, "container", container);
                foreach (string type in types)
                {
                    SoapEnvelopeWriter.WriteElement(writer, "type", type);
                }

                SoapEnvelopeWriter.WriteElement(writer, "recursive", recursive ? "true" : "false");
            },
            ReadReturnedReference,
            cancellationToken);

    internal static Task<bool> DestroyViewAsync(SoapTransport transport, ManagedObjectReference view, CancellationToken cancellationToken) =>
        transport.InvokeAsync("DestroyView",
            writer => SoapEnvelopeWriter.WriteThis(writer, view),
            reader => true,
            cancellationToken);

    private static ManagedObjectReference ReadReturnedReference(XmlReader reader)
    {
        ManagedObjectReference found = default;
        if (VimXml.Enter(reader))
        {
            while (VimXml.NextChild(reader))
            {
                if (VimXml.Is(reader, VimNames.Returnval))
                {
                    found = VimXml.ReadMoRef(reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return found.IsEmpty ? throw VimXml.Unexpected("CreateContainerView returned no view") : found;
    }
}
