using System.Collections;
using System.Reflection;

namespace Sendense.PowerShell.Parameters;

/// <summary>
/// Lets Add-SendenseVM take discovery output that went through a file or another host: Import-Clixml gives
/// Deserialized.Sendense.DiscoveredVM property bags, ConvertFrom-Json plain objects with the same properties. Either
/// is rebuilt into a Sendense.DiscoveredVM with its disks and networks (every settable property, by name), and is
/// then validated like a live one. Anything else (PowerCLI objects, names) is left for the Identity parameter set.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class DiscoveredVMTransformationAttribute : ArgumentTransformationAttribute
{
    private const string DeserializedTypeName = "Deserialized.Sendense.DiscoveredVM";

    // The properties only discovery output has together (a PowerCLI VirtualMachine has none of BiosUuid and MoRef).
    private static readonly string[] DiscoveryShape = { "Name", "VCenter", "MoRef", "BiosUuid", "Disks" };

    /// <inheritdoc />
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string && value is IList list)
        {
            var items = new object?[list.Count];
            bool changed = false;
            for (int i = 0; i < list.Count; i++)
            {
                items[i] = TransformOne(list[i]);
                changed |= !ReferenceEquals(items[i], list[i]);
            }

            return changed ? items : inputData;
        }

        return TransformOne(inputData) ?? inputData;
    }

    private static object? TransformOne(object? input) =>
        input is PSObject shaped && shaped.BaseObject is not DiscoveredVM && IsDiscoveryOutput(shaped) ? Rebuild<DiscoveredVM>(shaped, shaped) : input;

    private static bool IsDiscoveryOutput(PSObject shaped) =>
        shaped.TypeNames.Contains(DeserializedTypeName)
        || (shaped.BaseObject is PSCustomObject && DiscoveryShape.All(name => shaped.Properties[name] is not null));

    private static T Rebuild<T>(PSObject source, PSObject vm)
        where T : new()
    {
        var target = new T();
        foreach (PropertyInfo property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic))
        {
            object? raw = source.Properties[property.Name]?.Value;
            raw = raw is PSObject inner && inner.BaseObject is not PSCustomObject ? inner.BaseObject : raw;
            if (raw is null)
            {
                continue;
            }

            property.SetValue(target, Convert(raw, property, vm));
        }

        return target;
    }

    private static object? Convert(object raw, PropertyInfo property, PSObject vm)
    {
        Type type = property.PropertyType;
        if (type == typeof(DiscoveredDisk[]))
        {
            return Elements(raw).Select(item => Rebuild<DiscoveredDisk>(Part(item, property, vm), vm)).ToArray();
        }

        if (type == typeof(DiscoveredNetwork[]))
        {
            return Elements(raw).Select(item => Rebuild<DiscoveredNetwork>(Part(item, property, vm), vm)).ToArray();
        }

        try
        {
            return LanguagePrimitives.ConvertTo(raw, type, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PSInvalidCastException exception)
        {
            throw new ArgumentTransformationMetadataException(
                $"The discovered VM '{vm.Properties["Name"]?.Value}' has a {property.Name} of '{raw}', which is not a {Nullable.GetUnderlyingType(type)?.Name ?? type.Name}. " +
                "Pass objects from Invoke-SendenseVMDiscovery, or files written from them unchanged.", exception);
        }
    }

    private static IEnumerable<object?> Elements(object raw) =>
        raw is not string && LanguagePrimitives.GetEnumerable(raw) is IEnumerable items ? items.Cast<object?>() : new[] { raw };

    // A disk or network that reached us as text was cut off by a too shallow serialization depth.
    private static PSObject Part(object? item, PropertyInfo property, PSObject vm) =>
        item is PSObject part && part.BaseObject is not string
            ? part
            : throw new ArgumentTransformationMetadataException(
                $"The {property.Name} of discovered VM '{vm.Properties["Name"]?.Value}' arrived as text ('{item}'), not as objects: the file was written " +
                "with too small a depth. Write it again with Export-Clixml (the module sets the depth) or ConvertTo-Json -Depth 4.");
}
