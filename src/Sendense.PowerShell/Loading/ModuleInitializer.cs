namespace Sendense.PowerShell.Loading;

/// <summary>
/// Runs when PowerShell imports the module, before any cmdlet can touch the hub engine: it points dependency
/// resolution at the module's own dependencies folder (see <see cref="DependencyResolver"/>). Nothing else happens
/// at import time, which keeps Import-Module fast.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    /// <summary>Called by PowerShell on Import-Module.</summary>
    public void OnImport()
    {
        string moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";
        DependencyResolver.Register(Path.Combine(moduleDirectory, DependencyResolver.DependencyFolderName));
    }
}
