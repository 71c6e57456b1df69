using System.Reflection;

namespace Sendense.PowerShell.Loading;

/// <summary>
/// Resolves the module's dependencies (the hub engine, MySqlConnector, Dapper and their polyfills) from the
/// module's dependencies folder and nowhere else.
/// <list type="bullet">
/// <item>PowerShell 7: a private AssemblyLoadContext (Sendense.LoadContext.dll, loaded by reflection because this
/// assembly is netstandard2.0) owns the engine and its dependencies; see the documented pattern in
/// "Resolving PowerShell module assembly dependency conflicts".</item>
/// <item>Windows PowerShell 5.1: there are no load contexts, so an AppDomain.AssemblyResolve handler answers only
/// for file names present in the folder; it matches by simple name because powershell.exe has no binding
/// redirects for the System.* polyfills.</item>
/// </list>
/// </summary>
internal static class DependencyResolver
{
    internal const string DependencyFolderName = "dependencies";
    private const string LoadContextAssemblyName = "Sendense.LoadContext";

    private static readonly object Gate = new object();
    private static bool _registered;
    private static Dictionary<string, string> _dependencyFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when running on .NET (PowerShell 7), false on .NET Framework (Windows PowerShell).</summary>
    internal static bool IsCoreClr => Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false) != null
        || Type.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false) != null;

    internal static void Register(string dependencyDirectory)
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            if (IsCoreClr)
            {
                RegisterLoadContext(dependencyDirectory);
            }
            else
            {
                _dependencyFiles = IndexDependencyFiles(dependencyDirectory);
                AppDomain.CurrentDomain.AssemblyResolve += ResolveOnDesktop;
            }

            _registered = true;
        }
    }

    private static void RegisterLoadContext(string dependencyDirectory)
    {
        string moduleDirectory = Path.GetDirectoryName(dependencyDirectory) ?? ".";
        string loaderPath = Path.Combine(moduleDirectory, LoadContextAssemblyName + ".dll");
        Assembly loader = Assembly.LoadFrom(loaderPath);
        Type contextType = loader.GetType("Sendense.LoadContext.SendenseLoadContext", throwOnError: true)!;
        MethodInfo register = contextType.GetMethod("Register", BindingFlags.Public | BindingFlags.Static)!;
        register.Invoke(null, new object[] { dependencyDirectory });
    }

    private static Assembly? ResolveOnDesktop(object? sender, ResolveEventArgs args)
    {
        string simpleName = new AssemblyName(args.Name).Name ?? string.Empty;
        return _dependencyFiles.TryGetValue(simpleName, out string? path) ? Assembly.LoadFrom(path) : null;
    }

    private static Dictionary<string, string> IndexDependencyFiles(string directory)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(directory))
        {
            foreach (string path in Directory.GetFiles(directory, "*.dll"))
            {
                files[Path.GetFileNameWithoutExtension(path)] = path;
            }
        }

        return files;
    }
}
