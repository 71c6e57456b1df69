using Sendense.Core.Groups;

namespace Sendense.PowerShell.Parameters;

/// <summary>
/// Turns whatever reached a group cmdlet's -VM parameter into a VM reference: Sendense.VM and membership objects by
/// ContextId, strings as a context id or else a VM name, DiscoveredVMs by ContextId or by name on their vCenter,
/// and any other object (PowerCLI VirtualMachine, rows from a CSV or a query) by a ContextId or Name property.
/// No PowerCLI type is referenced: properties are read by name.
/// </summary>
internal static class VMInput
{
    private static readonly string[] ContextIdProperties = { "ContextId", "context_id", "VMContextId", "vm_context_id" };
    private static readonly string[] NameProperties = { "Name", "VMName", "vm_name" };
    private static readonly string[] VCenterProperties = { "VCenter", "vcenter_host", "VCenterHost" };

    /// <summary>The reference for one input; null for a null or empty input (nothing to do).</summary>
    internal static VMReference? From(object? input)
    {
        object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case null:
                return null;
            case string text:
                return string.IsNullOrWhiteSpace(text) ? null : VMReference.FromText(text, text);
            case VM vm:
                return !string.IsNullOrWhiteSpace(vm.ContextId)
                    ? VMReference.FromContextId(vm.ContextId, vm)
                    : VMReference.FromName(vm.Name, vm.VCenter, vm);
            case ProtectionGroupMember member:
                return VMReference.FromContextId(member.ContextId, member);
            case DiscoveredVM discovered:
                if (!string.IsNullOrWhiteSpace(discovered.ContextId))
                {
                    return VMReference.FromContextId(discovered.ContextId!, discovered);
                }

                // The hub stores the name as vCenter returns it (escaped), so match on that form.
                string name = string.IsNullOrEmpty(discovered.InventoryName) ? discovered.Name : discovered.InventoryName;
                return VMReference.FromName(name, discovered.VCenter, discovered);
        }

        PSObject properties = input as PSObject ?? PSObject.AsPSObject(value);
        string? contextId = FirstText(properties, ContextIdProperties);
        if (contextId is not null)
        {
            return VMReference.FromContextId(contextId, input);
        }

        string? vmName = FirstText(properties, NameProperties);
        if (vmName is not null)
        {
            return VMReference.FromName(vmName, FirstText(properties, VCenterProperties), input);
        }

        return VMReference.Unrecognized(input, $"of type {value.GetType().FullName}");
    }

    private static string? FirstText(PSObject properties, string[] names)
    {
        foreach (string name in names)
        {
            PSPropertyInfo? property = properties.Properties[name];
            if (property is null)
            {
                continue;
            }

            object? raw;
            try
            {
                raw = property.Value;
            }
            catch (GetValueException)
            {
                continue;
            }

            string? text = (raw is PSObject inner ? inner.BaseObject : raw)?.ToString();
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text!.Trim();
            }
        }

        return null;
    }
}
