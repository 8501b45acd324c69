using PyCApi.Objects;

namespace PyCApi.Runtime;

/// <summary>A Python exception travelling through managed code. It carries the error
/// indicator's triple as CPython keeps it: the value may be unnormalized (a message str,
/// a tuple of arguments, or absent) until someone needs the instance.</summary>
public sealed class PythonException : Exception
{
    internal PyObject Type { get; }
    internal PyObject? Value { get; }
    internal PyObject? Traceback { get; }

    internal PythonException(PyObject type, PyObject? value, PyObject? traceback = null)
    {
        Type = type;
        Value = value;
        Traceback = traceback;
    }

    internal PythonException(PyType type, string message) : this(type, new PyStr(message)) { }
    internal PythonException(PyType type) : this(type, (PyObject?)null) { }
    internal PythonException(PyBaseException instance) : this(instance.Type, instance, instance.Traceback) { }

    public override string Message =>
        $"{((PyType)Type).Name}: {(Value is null ? "" : Value.StrString())}";

    /// <summary>Moves the pending error indicator into a managed exception.</summary>
    internal static unsafe PythonException? Fetch()
    {
        nint type, value, tb;
        CPart.PyErr_Fetch(&type, &value, &tb);
        if (type == 0)
        {
            ObjectSpace.XDecRef(value);
            ObjectSpace.XDecRef(tb);
            return null;
        }
        return new PythonException(ObjectSpace.Steal(type),
            value == 0 ? null : ObjectSpace.Steal(value), tb == 0 ? null : ObjectSpace.Steal(tb));
    }

    /// <summary>A C function (a slot) failed without setting an exception. CPython's
    /// abstract API passes that on as it is: handed back to C this is again a failure with
    /// no exception set, which the next call check (_Py_CheckFunctionResult) turns into
    /// SystemError. Managed code that looks at it sees the SystemError.</summary>
    internal bool Unset { get; private init; }

    /// <summary>For a C call that returned its error value: the exception it set, or the
    /// SystemError CPython raises when a function fails without setting one (a slot's
    /// failure without one is <see cref="Unset"/>).</summary>
    internal static PythonException FetchOrSystemError(string? callee = null) =>
        Fetch() ?? (callee is null
            ? new PythonException(PyExc.SystemError, "error return without exception set") { Unset = true }
            : new PythonException(PyExc.SystemError, $"{callee} returned NULL without setting an exception"));

    /// <summary>Hands the exception back to C as the error indicator.</summary>
    internal void Restore() =>
        CPart.PyErr_Restore(ObjectSpace.NewRef(Type).Address, ObjectSpace.NewRefOrNull(Value).Address,
            ObjectSpace.NewRefOrNull(Traceback).Address);

    /// <summary>The exception instance (PyErr_NormalizeException's rule).</summary>
    internal PyBaseException Normalize() => PyBaseException.Normalize(Type, Value);
}

/// <summary>What the generated stubs call when an implementation throws.</summary>
public static class ExceptionBridge
{
    public static void SetError(Exception e)
    {
        try
        {
            if (e is not PythonException { Unset: true })
            {
                ToPython(e).Restore();
            }
        }
        catch (Exception)
        {
            // Nothing can be reported from here without risking another throw into C.
        }
    }

    public static void NotImplemented(string name) =>
        SetError(new PythonException(PyExc.SystemError, $"{name} is not implemented"));

    /// <summary>PYCAPI_DEBUG=1 prints the managed stack of internal errors to stderr.</summary>
    private static readonly bool debug = Environment.GetEnvironmentVariable("PYCAPI_DEBUG") == "1";

    internal static PythonException ToPython(Exception e)
    {
        if (debug && e is not PythonException)
        {
            Console.Error.WriteLine(e);
        }
        return Translate(e);
    }

    private static PythonException Translate(Exception e) => e switch
    {
        PythonException pe => pe,
        OutOfMemoryException => new PythonException(PyExc.MemoryError),
        InsufficientExecutionStackException => new PythonException(PyExc.RecursionError, "maximum recursion depth exceeded"),
        _ => new PythonException(PyExc.SystemError, $"internal error in libpycapi: {e.GetType().Name}: {e.Message}"),
    };
}
