using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>contextvars.Context: the values of context variables. Each thread has a
/// current one; entering a context makes it current until it is exited.</summary>
internal sealed class PyContext(Dictionary<PyContextVar, PyObject> values) : PyObject(BuiltinTypes.Get("_contextvars.Context"))
{
    /// <summary>Changed in place by ContextVar.set on the current context; a copy has its own.</summary>
    internal readonly Dictionary<PyContextVar, PyObject> Values = values;

    private PyContext? previous;
    private bool entered;

    [ThreadStatic] private static PyContext? current;

    internal static PyContext Current => current ??= new PyContext(new(ReferenceEqualityComparer.Instance));

    internal PyContext Copy() => new(new Dictionary<PyContextVar, PyObject>(Values, ReferenceEqualityComparer.Instance));

    internal void Enter()
    {
        if (entered)
        {
            throw new PythonException(PyExc.RuntimeError, $"cannot enter context: {ReprString()} is already entered");
        }
        previous = Current;
        entered = true;
        current = this;
    }

    internal void Exit()
    {
        if (!entered)
        {
            throw new PythonException(PyExc.RuntimeError, $"cannot exit context: {ReprString()} has not been entered");
        }
        if (!ReferenceEquals(current, this))
        {
            throw new PythonException(PyExc.RuntimeError, "cannot exit context: thread state references a different context object");
        }
        current = previous;
        previous = null;
        entered = false;
    }
}

/// <summary>contextvars.ContextVar: a name and an optional default; its value is per context.</summary>
internal sealed class PyContextVar(string name, PyObject? defaultValue) : PyObject(BuiltinTypes.Get("_contextvars.ContextVar"))
{
    internal readonly string Name = name;
    internal readonly PyObject? Default = defaultValue;

    internal override PyStr ReprCore() => new($"<ContextVar name={new PyStr(Name).ReprString()}" +
        (Default is null ? "" : $" default={Default.ReprString()}") + $" at 0x{ObjectSpace.ToNative(this):x}>");
}

/// <summary>contextvars.Token: what ContextVar.set replaced, for one reset.</summary>
internal sealed class PyContextToken(PyContext context, PyContextVar variable, PyObject? oldValue)
    : PyObject(BuiltinTypes.Get("_contextvars.Token"))
{
    internal readonly PyContext Context = context;
    internal readonly PyContextVar Variable = variable;
    internal readonly PyObject? OldValue = oldValue;
    internal bool Used;

    internal override PyStr ReprCore() =>
        new($"<Token{(Used ? " used" : "")} var={Variable.ReprString()} at 0x{ObjectSpace.ToNative(this):x}>");
}

internal static class ContextApi
{
    private static PyContext Context(BorrowedReference o) =>
        ObjectSpace.FromNativeOrNull(o) as PyContext
        ?? throw new PythonException(PyExc.TypeError, "an instance of Context was expected");

    private static PyContextVar Variable(BorrowedReference o) =>
        ObjectSpace.FromNativeOrNull(o) as PyContextVar
        ?? throw new PythonException(PyExc.TypeError, "an instance of ContextVar was expected");

    [CApi]
    internal static NewReference PyContext_New() =>
        ObjectSpace.NewRef(new PyContext(new Dictionary<PyContextVar, PyObject>(ReferenceEqualityComparer.Instance)));

    [CApi]
    internal static NewReference PyContext_Copy(BorrowedReference context) => ObjectSpace.NewRef(Context(context).Copy());

    [CApi]
    internal static NewReference PyContext_CopyCurrent() => ObjectSpace.NewRef(PyContext.Current.Copy());

    [CApi]
    internal static int PyContext_Enter(BorrowedReference context)
    {
        Context(context).Enter();
        return 0;
    }

    [CApi]
    internal static int PyContext_Exit(BorrowedReference context)
    {
        Context(context).Exit();
        return 0;
    }

    [CApi]
    internal static NewReference PyContextVar_New(string name, BorrowedReference defaultValue) =>
        ObjectSpace.NewRef(new PyContextVar(name, ObjectSpace.FromNativeOrNull(defaultValue)));

    /// <summary>The value in the current context, else the given default, else the
    /// variable's; *value stays NULL (with no error) when there is none.</summary>
    [CApi]
    internal static unsafe int PyContextVar_Get(BorrowedReference var, BorrowedReference defaultValue, nint* value)
    {
        var v = Variable(var);
        var found = PyContext.Current.Values.GetValueOrDefault(v) ?? ObjectSpace.FromNativeOrNull(defaultValue) ?? v.Default;
        *value = found is null ? 0 : ObjectSpace.NewRef(found).Address;
        return 0;
    }

    [CApi]
    internal static NewReference PyContextVar_Set(BorrowedReference var, BorrowedReference value)
    {
        var v = Variable(var);
        var context = PyContext.Current;
        var token = new PyContextToken(context, v, context.Values.GetValueOrDefault(v));
        context.Values[v] = ObjectSpace.FromNativeOrNull(value) ?? throw Abstract.BadInternalCall();
        return ObjectSpace.NewRef(token);
    }

    [CApi]
    internal static int PyContextVar_Reset(BorrowedReference var, BorrowedReference token)
    {
        var v = Variable(var);
        var t = ObjectSpace.FromNativeOrNull(token) as PyContextToken
            ?? throw new PythonException(PyExc.TypeError, "an instance of Token was expected");
        if (t.Used)
        {
            throw new PythonException(PyExc.RuntimeError, $"{t.ReprString()} has already been used once");
        }
        if (!ReferenceEquals(t.Variable, v))
        {
            throw new PythonException(PyExc.ValueError, $"{t.ReprString()} was created by a different ContextVar");
        }
        if (!ReferenceEquals(t.Context, PyContext.Current))
        {
            throw new PythonException(PyExc.ValueError, $"{t.ReprString()} was created in a different Context");
        }
        t.Used = true;
        if (t.OldValue is null)
        {
            t.Context.Values.Remove(v);
        }
        else
        {
            t.Context.Values[v] = t.OldValue;
        }
        return 0;
    }
}
