using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>Starting and stopping the runtime. The object space links its static objects
/// on first use (<see cref="Bootstrap"/>); Py_Initialize builds sys and builtins.</summary>
internal static class Lifecycle
{
    internal static bool IsInitialized;
    private static readonly List<nint> atExit = new();

    internal static void Initialize(bool installSignals = true)
    {
        if (IsInitialized)
        {
            return;
        }
        CPart.pycapi_read_config_flags();
        CPart.pycapi_init_signals(installSignals ? 1 : 0);
        Sys.Create();
        var builtins = PyModule.BuiltIn("builtins");
        foreach (var (name, obj) in Bootstrap.BuiltinNames())
        {
            builtins.ModuleDict.SetItem(new PyStr(name), obj);
        }
        foreach (var f in Builtins.Functions())
        {
            builtins.ModuleDict.SetItem(new PyStr(f.Name), f);
        }
        Sys.Modules.SetItem(new PyStr("builtins"), builtins);
        Builtins.Module = builtins;
        IsInitialized = true;
    }

    internal static unsafe int Finalize()
    {
        if (!IsInitialized)
        {
            return 0;
        }
        for (int i = atExit.Count - 1; i >= 0; i--)
        {
            ((delegate* unmanaged<void>)atExit[i])();
        }
        atExit.Clear();
        ObjectSpace.Collect(force: true);
        StdIO.Flush();
        IsInitialized = false;
        return 0;
    }

    internal static void Exit(int status)
    {
        Finalize();
        CPart.pycapi_exit(status);
    }

    internal static void AddAtExit(nint func) => atExit.Add(func);
}

internal static class LifecycleApi
{
    [CApi]
    internal static void Py_Initialize() => Lifecycle.Initialize();

    [CApi]
    internal static void Py_InitializeEx(int initsigs) => Lifecycle.Initialize(initsigs != 0);

    [CApi]
    internal static int Py_FinalizeEx() => Lifecycle.Finalize();

    [CApi]
    internal static void Py_Finalize() => Lifecycle.Finalize();

    [CApi(Error = "0")]
    internal static int Py_IsInitialized() => Lifecycle.IsInitialized ? 1 : 0;

    [CApi]
    internal static int Py_AtExit(nint func)
    {
        Lifecycle.AddAtExit(func);
        return 0;
    }

    [CApi]
    internal static void Py_Exit(int status) => Lifecycle.Exit(status);
}
