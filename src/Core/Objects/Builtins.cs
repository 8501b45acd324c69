using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The functions of the builtins module implemented in managed code, with
/// CPython's argument checking and messages.</summary>
internal static class Builtins
{
    /// <summary>The builtins module, made by Py_Initialize.</summary>
    internal static PyModule Module = null!;

    /// <summary>The builtins of the current frame: with no Python frame running here, always
    /// the builtins module's dict (a borrowed reference, as CPython's).</summary>
    [CApi]
    internal static BorrowedReference PyEval_GetBuiltins() => ObjectSpace.Borrow(Module.ModuleDict);

    private static PyBuiltinFunction Function(string name, BuiltinBody body, string? doc = null) => new(name, null, body, doc: doc);

    internal static IEnumerable<PyBuiltinFunction> Functions()
    {
        yield return Function("len", (_, args, kwargs) => new PyInt(Abstract.Length(ArgCheck.One("len", args, kwargs))),
            "Return the number of items in a container.");
        yield return Function("repr", (_, args, kwargs) => ArgCheck.One("repr", args, kwargs).Repr());
        yield return Function("abs", (_, args, kwargs) => Number.Unary(ArgCheck.One("abs", args, kwargs), UnaryOp.Absolute));
        yield return Function("callable", (_, args, kwargs) => PyBool.Of(ArgCheck.One("callable", args, kwargs).IsCallable));
        // -1 is the error value: a tp_hash that returns it without an exception fails hash().
        yield return Function("hash", (_, args, kwargs) =>
            Abstract.Hash(ArgCheck.One("hash", args, kwargs)) is var h and not -1 ? new PyInt(h) : throw PythonException.FetchOrSystemError());
        yield return Function("iter", Iter);
        yield return Function("next", Next);
        yield return Function("sorted", Sorted);
        yield return Function("min", (_, args, kwargs) => MinMax("min", CompareOp.Lt, args, kwargs));
        yield return Function("max", (_, args, kwargs) => MinMax("max", CompareOp.Gt, args, kwargs));
        yield return Function("sum", Sum);
        yield return Function("isinstance", (_, args, kwargs) =>
        {
            Positional("isinstance", args, kwargs, 2, 2);
            return PyBool.Of(ObjectApi.IsInstance(args[0], args[1]));
        });
        yield return Function("issubclass", (_, args, kwargs) =>
        {
            Positional("issubclass", args, kwargs, 2, 2);
            return PyBool.Of(ObjectApi.IsSubclass(args[0], args[1]));
        });
        yield return Function("hasattr", (_, args, kwargs) =>
        {
            Positional("hasattr", args, kwargs, 2, 2);
            try
            {
                Abstract.GetAttr(args[0], args[1]);
                return PyBool.True;
            }
            catch (PythonException e) when (IsAttributeError(e))
            {
                return PyBool.False;
            }
        });
        yield return Function("getattr", (_, args, kwargs) =>
        {
            Positional("getattr", args, kwargs, 2, 3);
            try
            {
                return Abstract.GetAttr(args[0], args[1]);
            }
            catch (PythonException e) when (args.Length == 3 && IsAttributeError(e))
            {
                return args[2];
            }
        });
        yield return Function("setattr", (_, args, kwargs) =>
        {
            Positional("setattr", args, kwargs, 3, 3);
            Abstract.SetAttr(args[0], args[1], args[2]);
            return PyNone.Instance;
        });
        yield return Function("delattr", (_, args, kwargs) =>
        {
            Positional("delattr", args, kwargs, 2, 2);
            Abstract.SetAttr(args[0], args[1], null);
            return PyNone.Instance;
        });
        yield return Function("divmod", (_, args, kwargs) =>
        {
            Positional("divmod", args, kwargs, 2, 2);
            return Number.Binary(args[0], args[1], NumberOp.Divmod);
        });
        yield return Function("pow", Pow);
        yield return Function("chr", (_, args, kwargs) =>
        {
            var code = Number.Index(ArgCheck.One("chr", args, kwargs)).Value;
            if (code < int.MinValue || code > int.MaxValue)
            {
                throw new PythonException(PyExc.OverflowError, "Python int too large to convert to C int");
            }
            return code >= 0 && code <= 0x10FFFF ? new PyStr(PyStr.FromCodePoints([(int)code]))
                : throw new PythonException(PyExc.ValueError, "chr() arg not in range(0x110000)");
        });
    }

    private static bool IsAttributeError(PythonException e) => e.Type is PyType t && t.IsSubtypeOf(PyExc.AttributeError);

    /// <summary>A function of positional arguments only, checked as PyArg_UnpackTuple does.</summary>
    private static void Positional(string name, PyObject[] args, PyDict? kwargs, int min, int max)
    {
        ArgCheck.NoKeywords(name, kwargs);
        ArgCheck.Range(name, args, min, max);
    }

    /// <summary>iter(iterable) or iter(callable, sentinel).</summary>
    private static PyObject Iter(PyObject? self, PyObject[] args, PyDict? kwargs)
    {
        Positional("iter", args, kwargs, 1, 2);
        if (args.Length == 1)
        {
            return Abstract.GetIter(args[0]);
        }
        return args[0].IsCallable ? new PyCallableIterator(args[0], args[1])
            : throw new PythonException(PyExc.TypeError, "iter(v, w): v must be callable");
    }

    /// <summary>next(iterator[, default]).</summary>
    private static PyObject Next(PyObject? self, PyObject[] args, PyDict? kwargs)
    {
        Positional("next", args, kwargs, 1, 2);
        if (!Abstract.IsIterator(args[0]))
        {
            throw new PythonException(PyExc.TypeError, $"'{args[0].Type.Name}' object is not an iterator");
        }
        return Abstract.Next(args[0]) ?? (args.Length == 2 ? args[1] : throw new PythonException(PyExc.StopIteration));
    }

    /// <summary>sorted(iterable, /, *, key=None, reverse=False): a new list, sorted by list.sort.</summary>
    private static PyObject Sorted(PyObject? self, PyObject[] args, PyDict? kwargs)
    {
        ArgCheck.Range("sorted", args, 1, 1);
        var list = Abstract.ToList(args[0]);
        var (key, reverse) = ListMethods.SortOptions(kwargs);
        list.Sort(key, reverse);
        return list;
    }

    /// <summary>min and max: of one iterable (with an optional default) or of several
    /// arguments, by an optional key. The first of equal extremes wins.</summary>
    private static PyObject MinMax(string name, CompareOp op, PyObject[] args, PyDict? kwargs)
    {
        if (args.Length == 0)
        {
            throw new PythonException(PyExc.TypeError, $"{name} expected at least 1 argument, got 0");
        }
        PyObject? key = null, defaultValue = null;
        foreach (var (k, v) in kwargs?.Items() ?? [])
        {
            switch ((k as PyStr)?.Value)
            {
                case "key":
                    key = v is PyNone ? null : v;
                    break;
                case "default":
                    defaultValue = v;
                    break;
                default:
                    throw new PythonException(PyExc.TypeError, $"'{k.StrString()}' is an invalid keyword argument for {name}()");
            }
        }
        if (defaultValue is not null && args.Length > 1)
        {
            throw new PythonException(PyExc.TypeError,
                $"Cannot specify a default for {name}() with multiple positional arguments");
        }
        IEnumerable<PyObject> items = args.Length == 1 ? Abstract.Iterate(args[0]) : args;
        PyObject? best = null, bestKey = null;
        foreach (var item in items)
        {
            var itemKey = key is null ? item : Abstract.Call(key, PyTuple.Create([item]), null);
            if (bestKey is null || Abstract.RichCompareBool(itemKey, bestKey, op))
            {
                best = item;
                bestKey = itemKey;
            }
        }
        return best ?? defaultValue ?? throw new PythonException(PyExc.ValueError, $"{name}() arg is an empty sequence");
    }

    /// <summary>pow(base, exp, mod=None), the arguments by position or by name.</summary>
    private static PyObject Pow(PyObject? self, PyObject[] args, PyDict? kwargs)
    {
        string[] names = ["base", "exp", "mod"];
        if (args.Length > names.Length)
        {
            throw new PythonException(PyExc.TypeError, $"pow() takes at most 3 arguments ({args.Length + (kwargs?.Count ?? 0)} given)");
        }
        var values = new PyObject?[names.Length];
        args.CopyTo(values, 0);
        foreach (var (k, v) in kwargs?.Items() ?? [])
        {
            int i = k is PyStr name ? Array.IndexOf(names, name.Value) : -1;
            if (i < 0)
            {
                throw new PythonException(PyExc.TypeError, $"'{k.StrString()}' is an invalid keyword argument for pow()");
            }
            if (values[i] is not null)
            {
                throw new PythonException(PyExc.TypeError, $"argument for pow() given by name ('{names[i]}') and position ({i + 1})");
            }
            values[i] = v;
        }
        for (int i = 0; i < 2; i++)
        {
            if (values[i] is null)
            {
                throw new PythonException(PyExc.TypeError, $"pow() missing required argument '{names[i]}' (pos {i + 1})");
            }
        }
        return Number.Power(values[0]!, values[1]!, values[2] ?? PyNone.Instance);
    }

    /// <summary>sum(iterable, /, start=0): start + the items, left to right.</summary>
    private static PyObject Sum(PyObject? self, PyObject[] args, PyDict? kwargs)
    {
        PyObject? start = args.Length > 1 ? args[1] : null;
        foreach (var (k, v) in kwargs?.Items() ?? [])
        {
            if (k is PyStr { Value: "start" } && start is null)
            {
                start = v;
                continue;
            }
            throw new PythonException(PyExc.TypeError, k is PyStr { Value: "start" }
                ? "argument for sum() given by name ('start') and position (2)"
                : $"sum() got an unexpected keyword argument '{k.StrString()}'");
        }
        if (args.Length == 0)
        {
            throw new PythonException(PyExc.TypeError, "sum() takes at least 1 positional argument (0 given)");
        }
        if (args.Length > 2)
        {
            throw new PythonException(PyExc.TypeError, $"sum() takes at most 2 arguments ({args.Length} given)");
        }
        switch (start)
        {
            case PyStr:
                throw new PythonException(PyExc.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
            case PyBytes:
                throw new PythonException(PyExc.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
        }
        var total = start ?? new PyInt(0);
        foreach (var item in Abstract.Iterate(args[0]))
        {
            total = Number.Add(total, item);
        }
        return total;
    }
}
