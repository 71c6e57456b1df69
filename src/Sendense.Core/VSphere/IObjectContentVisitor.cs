using System.Xml;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.VSphere;

/// <summary>
/// Receives the objects of a property retrieval as the response streams in, one object at a time: no result set is
/// ever materialised. Calls for one object come in order BeginObject, Property*, Missing*, EndObject.
/// </summary>
internal interface IObjectContentVisitor
{
    /// <summary>A new object starts.</summary>
    public void BeginObject(ManagedObjectReference obj);

    /// <summary>
    /// One property. The reader is on the &lt;val&gt; start tag; the visitor must consume that element entirely (read
    /// its content or Skip it), leaving the reader on the node after &lt;/val&gt;.
    /// </summary>
    public void Property(string name, XmlReader reader);

    /// <summary>A property vCenter could not return for this object (missingSet), other than NotAuthenticated.</summary>
    public void Missing(string path, VimFault fault);

    /// <summary>The object ends.</summary>
    public void EndObject();
}
