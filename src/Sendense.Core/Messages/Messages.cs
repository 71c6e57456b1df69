namespace Sendense.Core.Common;

/// <summary>
/// The message catalogue: every sentence the use cases show a user (errors, warnings, verbose lines), one nested class
/// per family, one file per family (Messages.&lt;Family&gt;.cs). A message names the system involved and says what to do;
/// it is built from names and counts only, never from a secret. Keeping them here keeps the wording of the families
/// alike and lets a test read them all.
/// </summary>
public static partial class Messages
{
    /// <summary>"VM 'web01' (vc01)": how a VM is named in every message.</summary>
    public static string VM(string name, string vcenter) => $"VM '{HubText.ForMessage(name)}' ({vcenter})";

    /// <summary>"VM 'web01' (vc01, ctx-web01-...)".</summary>
    public static string VM(VM vm) =>
        $"VM '{HubText.ForMessage((vm ?? throw new ArgumentNullException(nameof(vm))).Name)}' ({vm.VCenter}, {vm.ContextId})";

    /// <summary>Said when a name matched another that only the hub's collation makes equal.</summary>
    public static string EqualToTheHub(string what, string given, string found) =>
        $"{what} '{HubText.ForMessage(found)}' matches '{HubText.ForMessage(given)}' because the hub compares names with {HubCollation.Name}, " +
        "which ignores case and accents and does not tell characters outside the Basic Multilingual Plane (emoji) apart.";
}
