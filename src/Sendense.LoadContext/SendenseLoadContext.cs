using System.Reflection;
using System.Runtime.Loader;

namespace Sendense.LoadContext;

/// <summary>
/// The module's private load context on PowerShell 7. It loads the hub engine (Sendense.Hub) and every
/// third-party assembly found in the module's dependencies folder, so a different version of MySqlConnector,
/// Dapper or Microsoft.Extensions.Logging.Abstractions that another module put into the default context is
/// never bound by our code, and ours never bound by theirs.
/// </summary>
public sealed class SendenseLoadContext : AssemblyLoadContext
{
    private static readonly object Gate = new();
    private static SendenseLoadContext? _instance;

    private readonly string _dependencyDirectory;
    private readonly HashSet<string> _platformAssemblies;

    private SendenseLoadContext(string dependencyDirectory)
        : base("Sendense", isCollectible: false)
    {
        _dependencyDirectory = dependencyDirectory;
        _platformAssemblies = ReadPlatformAssemblyNames();
    }

    /// <summary>
    /// Creates the context once per process and hooks the default context's Resolving event, answering only
    /// for assemblies that live in <paramref name="dependencyDirectory"/>. Called by the module initializer
    /// through reflection (the cmdlet assembly is netstandard2.0 and cannot name this type).
    /// </summary>
    public static void Register(string dependencyDirectory)
    {
        lock (Gate)
        {
            if (_instance is not null)
            {
                return;
            }

            _instance = new SendenseLoadContext(dependencyDirectory);
            Default.Resolving += _instance.ResolveFromDefault;
        }
    }

    // The default context asks here only after it failed to find an assembly itself. We answer for the
    // assemblies of our dependencies folder and nothing else, so other modules' requests pass through.
    private Assembly? ResolveFromDefault(AssemblyLoadContext context, AssemblyName name)
    {
        string? path = DependencyPath(name);
        return path is null ? null : LoadFromAssemblyName(name);
    }

    // Every reference made by an assembly inside this context comes here first. Framework assemblies
    // (System.Memory and friends ship in dependencies/ only for Windows PowerShell) must come from the
    // runtime, or two copies of Span<T> would exist; everything else in our folder is loaded privately;
    // the rest (Sendense.Core, System.Management.Automation) falls back to the default context.
    /// <summary>Resolves a reference made from inside this context (see above).</summary>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || _platformAssemblies.Contains(assemblyName.Name))
        {
            return null;
        }

        string? path = DependencyPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    private string? DependencyPath(AssemblyName name)
    {
        if (name.Name is null || _platformAssemblies.Contains(name.Name))
        {
            return null;
        }

        string path = Path.Combine(_dependencyDirectory, name.Name + ".dll");
        return File.Exists(path) ? path : null;
    }

    private static HashSet<string> ReadPlatformAssemblyNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
        {
            foreach (string path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        return names;
    }
}
