namespace PyCApi.Runtime;

/// <summary>Marks the managed implementation of the C API function of the same name.
/// The generator pairs it with the prototype it reads from <c>include/</c> and emits the
/// <c>[UnmanagedCallersOnly]</c> stub that converts arguments, catches every managed
/// exception, turns it into the Python error indicator and returns <see cref="Error"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CApiAttribute : Attribute
{
    /// <summary>The C expression the stub returns when the call fails. Null means the rule
    /// for the return type: NULL for pointers, -1 for signed integers and double,
    /// (T)-1 for unsigned integers; nothing for void.</summary>
    public string? Error { get; init; }

    /// <summary>The C part defines the function (a fast path on the native layout) and
    /// calls this method, exported as <c>_PyCApi_Slow_&lt;name&gt;</c> (declared in the
    /// generated <c>slow_paths.g.h</c>), for every case it does not serve itself.</summary>
    public bool SlowPath { get; init; }
}
