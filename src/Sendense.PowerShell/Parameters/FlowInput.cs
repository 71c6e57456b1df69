using Sendense.Core.Flows;

namespace Sendense.PowerShell.Parameters;

/// <summary>
/// Turns what reached a flow cmdlet into targets and flow identities: Sendense.ProtectionGroup objects are group
/// targets wherever they arrive (so groups and VMs can be piped together), everything else given as a VM is read as
/// <see cref="VMInput"/> reads it; -ProtectionGroup strings are group names or ids. Flows bind by id.
/// </summary>
internal static class FlowInput
{
    /// <summary>Adds the targets of one -VM (or pipeline) argument.</summary>
    internal static void CollectVMs(IEnumerable<PSObject?>? inputs, List<FlowTargetReference> into)
    {
        foreach (PSObject? input in inputs ?? Array.Empty<PSObject?>())
        {
            if (Unwrap(input) is ProtectionGroup group)
            {
                into.Add(FlowTargetReference.ForGroup(group.Id, group));
            }
            else if (VMInput.From(input) is Sendense.Core.Groups.VMReference vm)
            {
                into.Add(FlowTargetReference.ForVM(vm));
            }
        }
    }

    /// <summary>Adds the targets of one -ProtectionGroup argument.</summary>
    internal static void CollectGroups(IEnumerable<PSObject?>? inputs, List<FlowTargetReference> into)
    {
        foreach (PSObject? input in inputs ?? Array.Empty<PSObject?>())
        {
            object? value = Unwrap(input);
            switch (value)
            {
                case null:
                    break;
                case ProtectionGroup group:
                    into.Add(FlowTargetReference.ForGroup(group.Id, group));
                    break;
                case string text when string.IsNullOrWhiteSpace(text):
                    break;
                default:
                    string? key = Text(input!, "Id") ?? Text(input!, "GroupId") ?? Text(input!, "Name") ?? (value is string s ? s : null);
                    into.Add(new FlowTargetReference(FlowTargetKind.Group, null, key?.Trim(), input));
                    break;
            }
        }
    }

    /// <summary>Adds the flows of one -Flow argument.</summary>
    internal static void CollectFlows(IEnumerable<PSObject?>? inputs, List<FlowIdentity> into)
    {
        foreach (PSObject? input in inputs ?? Array.Empty<PSObject?>())
        {
            object? value = Unwrap(input);
            switch (value)
            {
                case null:
                    break;
                case ProtectionFlow flow:
                    into.Add(FlowIdentity.Of(flow));
                    break;
                case ProtectionFlowMember member:
                    into.Add(FlowIdentity.Of(member.FlowId, member));
                    break;
                case ProtectionFlowExecution execution:
                    into.Add(FlowIdentity.Of(execution.FlowId, execution));
                    break;
                case string text:
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        into.Add(FlowIdentity.Of(text, text));
                    }

                    break;
                default:
                    string? key = Text(input!, "FlowId") ?? Text(input!, "Id") ?? Text(input!, "Name");
                    into.Add(FlowIdentity.Of(key ?? value.ToString() ?? string.Empty, input));
                    break;
            }
        }
    }

    private static object? Unwrap(PSObject? input) => input?.BaseObject;

    private static string? Text(PSObject input, string property)
    {
        try
        {
            string? text = input.Properties[property]?.Value?.ToString();
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        catch (GetValueException)
        {
            return null;
        }
    }
}
