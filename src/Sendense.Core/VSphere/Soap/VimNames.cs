using System.Xml;

namespace Sendense.Core.VSphere.Soap;

/// <summary>
/// Namespaces and the element names the readers compare. Every name is added to each reader's NameTable first, so
/// the reader hands back these very string instances and comparisons are reference checks, not string compares:
/// that is what keeps an 80 MB response cheap to walk. Add a name here before comparing against it.
/// </summary>
internal static class VimNames
{
    private static readonly List<string> All = new List<string>();

    internal const string SoapEnvelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/";
    internal const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    internal const string XsdNamespace = "http://www.w3.org/2001/XMLSchema";
    internal const string Vim25Namespace = "urn:vim25";

    // Envelope.
    internal static readonly string Envelope = Add("Envelope");
    internal static readonly string Body = Add("Body");
    internal static readonly string Fault = Add("Fault");
    internal static readonly string FaultCode = Add("faultcode");
    internal static readonly string FaultString = Add("faultstring");
    internal static readonly string Detail = Add("detail");
    internal static readonly string Type = Add("type");
    internal static readonly string XsiUri = Add(XsiNamespace);

    // Common.
    internal static readonly string Returnval = Add("returnval");
    internal static readonly string Name = Add("name");
    internal static readonly string Key = Add("key");
    internal static readonly string Val = Add("val");
    internal static readonly string ManagedObjectReference = Add("ManagedObjectReference");

    // RetrieveResult / ObjectContent.
    internal static readonly string Token = Add("token");
    internal static readonly string Objects = Add("objects");
    internal static readonly string Obj = Add("obj");
    internal static readonly string PropSet = Add("propSet");
    internal static readonly string MissingSet = Add("missingSet");
    internal static readonly string Path = Add("path");
    internal static readonly string LocalizedMessage = Add("localizedMessage");

    // ServiceContent / About / UserSession.
    internal static readonly string RootFolder = Add("rootFolder");
    internal static readonly string PropertyCollector = Add("propertyCollector");
    internal static readonly string ViewManager = Add("viewManager");
    internal static readonly string SessionManager = Add("sessionManager");
    internal static readonly string About = Add("about");
    internal static readonly string FullName = Add("fullName");
    internal static readonly string Version = Add("version");
    internal static readonly string Build = Add("build");
    internal static readonly string ApiType = Add("apiType");
    internal static readonly string ApiVersion = Add("apiVersion");
    internal static readonly string InstanceUuid = Add("instanceUuid");
    internal static readonly string UserName = Add("userName");

    // Virtual devices.
    internal static readonly string VirtualDevice = Add("VirtualDevice");
    internal static readonly string DeviceInfo = Add("deviceInfo");
    internal static readonly string Label = Add("label");
    internal static readonly string Backing = Add("backing");
    internal static readonly string ControllerKey = Add("controllerKey");
    internal static readonly string UnitNumber = Add("unitNumber");
    internal static readonly string CapacityInKB = Add("capacityInKB");
    internal static readonly string CapacityInBytes = Add("capacityInBytes");
    internal static readonly string MacAddress = Add("macAddress");
    internal static readonly string FileName = Add("fileName");
    internal static readonly string ThinProvisioned = Add("thinProvisioned");
    internal static readonly string DeviceName = Add("deviceName");
    internal static readonly string Network = Add("network");
    internal static readonly string Port = Add("port");
    internal static readonly string PortgroupKey = Add("portgroupKey");
    internal static readonly string OpaqueNetworkId = Add("opaqueNetworkId");

    /// <summary>A NameTable pre-loaded with every name above, for one reader.</summary>
    internal static NameTable CreateNameTable()
    {
        var table = new NameTable();
        foreach (string name in All)
        {
            table.Add(name);
        }

        return table;
    }

    private static string Add(string name)
    {
        All.Add(name);
        return name;
    }
}
