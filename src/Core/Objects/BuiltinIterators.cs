using System.Numerics;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>enumerate(iterable, start=0): (count, item) pairs.</summary>
internal sealed class PyEnumerate(PyType type, PyObject iterator, BigInteger start) : PyIterator(type)
{
    private BigInteger count = start;

    internal override PyObject? Next() =>
        Abstract.Next(iterator) is { } item ? PyTuple.Create([new PyInt(count++), item]) : null;

    internal override PyObject Reduce() => PyTuple.Create([Type, PyTuple.Create([iterator, new PyInt(count)])]);
}

/// <summary>reversed(sequence) for sequences without __reversed__: sq_item from the end.</summary>
internal sealed class PyReversed(PyType type, PyObject sequence, long length) : PyIterator(type)
{
    private PyObject? sequence = sequence;
    private long index = length - 1;

    internal override PyObject? Next()
    {
        if (sequence is not null && index >= 0)
        {
            try
            {
                return Abstract.SequenceGetItem(sequence, index--);
            }
            catch (PythonException e) when (e.Type is PyType t
                && (t.IsSubtypeOf(PyExc.IndexError) || t.IsSubtypeOf(PyExc.StopIteration)))
            {
            }
        }
        sequence = null;
        return null;
    }

    internal override long? LengthHint() => sequence is null ? 0 : Math.Min(index + 1, Abstract.Length(sequence));

    /// <summary>(type, (sequence,), index), or (type, ((),)) once exhausted.</summary>
    internal override PyObject Reduce() => sequence is null
        ? PyTuple.Create([Type, PyTuple.Create([PyTuple.Empty])])
        : PyTuple.Create([Type, PyTuple.Create([sequence]), new PyInt(index)]);

    /// <summary>reversed.__setstate__(index): the next index, clamped to the sequence.</summary>
    internal override void SetState(PyObject state)
    {
        var at = PyInt.RequireInt(state);
        if (at < long.MinValue || at > long.MaxValue)
        {
            throw new PythonException(PyExc.OverflowError, "Python int too large to convert to C ssize_t");
        }
        if (sequence is not null)
        {
            index = Math.Clamp((long)at, -1, Abstract.SequenceLength(sequence) - 1);
        }
    }
}

/// <summary>zip(*iterables, strict=False): tuples of one item from each, until the
/// shortest ends; with strict, iterables of unequal length are a ValueError.</summary>
internal sealed class PyZip(PyType type, PyObject[] iterators, bool strict) : PyIterator(type)
{
    internal override PyObject Reduce() => strict
        ? PyTuple.Create([Type, PyTuple.Create(iterators), PyBool.True])
        : PyTuple.Create([Type, PyTuple.Create(iterators)]);

    /// <summary>zip.__setstate__(strict).</summary>
    internal override void SetState(PyObject state) => strict = state.IsTrue();

    private bool done = iterators.Length == 0;

    internal override PyObject? Next()
    {
        if (done)
        {
            return null;
        }
        var items = new PyObject[iterators.Length];
        for (int i = 0; i < iterators.Length; i++)
        {
            if (Abstract.Next(iterators[i]) is { } item)
            {
                items[i] = item;
                continue;
            }
            done = true;
            if (strict)
            {
                CheckAllEnded(i);
            }
            return null;
        }
        return PyTuple.Create(items);
    }

    /// <summary>Iterable <paramref name="ended"/> ran out: every other one must end at
    /// the same step (zip_longest's messages name the first that does not).</summary>
    private void CheckAllEnded(int ended)
    {
        static string Preceding(int count) => count == 1 ? "argument 1" : $"arguments 1-{count}";
        if (ended > 0)
        {
            throw new PythonException(PyExc.ValueError, $"zip() argument {ended + 1} is shorter than {Preceding(ended)}");
        }
        for (int i = 1; i < iterators.Length; i++)
        {
            if (Abstract.Next(iterators[i]) is not null)
            {
                throw new PythonException(PyExc.ValueError, $"zip() argument {i + 1} is longer than {Preceding(i)}");
            }
        }
    }
}

/// <summary>map(function, *iterables): the function applied to one item from each.</summary>
internal sealed class PyMap(PyType type, PyObject function, PyObject[] iterators) : PyIterator(type)
{
    internal override PyObject Reduce() => PyTuple.Create([Type, PyTuple.Create([function, .. iterators])]);

    internal override PyObject? Next()
    {
        var args = new PyObject[iterators.Length];
        for (int i = 0; i < iterators.Length; i++)
        {
            if (Abstract.Next(iterators[i]) is not { } item)
            {
                return null;
            }
            args[i] = item;
        }
        return Abstract.Call(function, PyTuple.Create(args), null);
    }
}

/// <summary>filter(function or None, iterable): the items the function (or truth) accepts.</summary>
internal sealed class PyFilter(PyType type, PyObject? function, PyObject iterator) : PyIterator(type)
{
    internal override PyObject Reduce() => PyTuple.Create([Type, PyTuple.Create([function ?? PyNone.Instance, iterator])]);

    internal override PyObject? Next()
    {
        while (Abstract.Next(iterator) is { } item)
        {
            var verdict = function is null ? item : Abstract.Call(function, PyTuple.Create([item]), null);
            if (verdict.IsTrue())
            {
                return item;
            }
        }
        return null;
    }
}

/// <summary>The constructors of the iterator types the builtins module names.</summary>
internal static class BuiltinIterators
{
    internal static void Register()
    {
        Define("enumerate", (type, args, kwargs) =>
        {
            var a = args.ToArray();
            int given = a.Length + (kwargs?.Count ?? 0);
            if (given > 2)
            {
                throw new PythonException(PyExc.TypeError, $"enumerate() takes at most 2 arguments ({given} given)");
            }
            var (iterable, start) = (a.Length > 0 ? a[0] : null, a.Length > 1 ? a[1] : null);
            foreach (var (key, value) in kwargs?.Items() ?? [])
            {
                switch ((key as PyStr)?.Value)
                {
                    case "iterable" when iterable is null:
                        iterable = value;
                        break;
                    case "start" when start is null:
                        start = value;
                        break;
                    default:
                        throw new PythonException(PyExc.TypeError, $"'{key.StrString()}' is an invalid keyword argument for enumerate()");
                }
            }
            if (iterable is null)
            {
                throw new PythonException(PyExc.TypeError, "enumerate() missing required argument 'iterable'");
            }
            var iterator = Abstract.GetIter(iterable);
            return new PyEnumerate(type, iterator, start is null ? BigInteger.Zero : PyInt.Index(start));
        });
        Define("reversed", (type, args, kwargs) =>
        {
            ArgCheck.NoKeywords("reversed", kwargs);
            var a = args.ToArray();
            ArgCheck.Range("reversed", a, 1, 1);
            var sequence = a[0];
            if (sequence.Type.Lookup(new PyStr("__reversed__")) is { } method)
            {
                var bound = method is IDescriptor d ? d.Get(sequence, sequence.Type) : method;
                return Abstract.Call(bound, PyTuple.Empty, null);
            }
            if (!Abstract.IsSequence(sequence))
            {
                throw new PythonException(PyExc.TypeError, $"'{sequence.Type.Name}' object is not reversible");
            }
            return new PyReversed(type, sequence, Abstract.SequenceLength(sequence));
        });
        Define("zip", (type, args, kwargs) =>
        {
            bool strict = false;
            foreach (var (key, value) in kwargs?.Items() ?? [])
            {
                if ((key as PyStr)?.Value != "strict")
                {
                    throw new PythonException(PyExc.TypeError, $"'{key.StrString()}' is an invalid keyword argument for zip()");
                }
                strict = value.IsTrue();
            }
            return new PyZip(type, args.ToArray().Select(Abstract.GetIter).ToArray(), strict);
        });
        Define("map", (type, args, kwargs) =>
        {
            ArgCheck.NoKeywords("map", kwargs);
            var a = args.ToArray();
            if (a.Length < 2)
            {
                throw new PythonException(PyExc.TypeError, "map() must have at least two arguments.");
            }
            return new PyMap(type, a[0], a[1..].Select(Abstract.GetIter).ToArray());
        });
        Define("filter", (type, args, kwargs) =>
        {
            ArgCheck.NoKeywords("filter", kwargs);
            var a = args.ToArray();
            ArgCheck.Range("filter", a, 2, 2);
            return new PyFilter(type, a[0] is PyNone ? null : a[0], Abstract.GetIter(a[1]));
        });
    }

    private static void Define(string name, Func<PyType, PyTuple, PyDict?, PyObject> constructor)
    {
        var type = BuiltinTypes.Get(name);
        type.Constructor = constructor;
        if (name == "reversed")
        {
            PyIterator.AddLengthHint(type);
        }
        PyBuiltinMethodDescriptor.AddNoArgs(type, "__reduce__", self => ((PyIterator)self).Reduce());
        if (name is "reversed" or "zip")
        {
            PyBuiltinMethodDescriptor.Add(type, "__setstate__", (self, args, kwargs) =>
            {
                MethodArgs.Check(type, "__setstate__", args, kwargs, 1, 1, ArgStyle.One);
                ((PyIterator)self!).SetState(args[0]);
                return PyNone.Instance;
            });
        }
    }
}

/// <summary>PySeqIter_New and PyCallIter_New.</summary>
internal static class IteratorApi
{
    [CApi]
    internal static NewReference PySeqIter_New(BorrowedReference seq) =>
        ObjectSpace.NewRef(PySequenceIterator.Generic(ObjectSpace.FromNativeOrNull(seq) ?? throw Abstract.BadInternalCall()));

    [CApi]
    internal static NewReference PyCallIter_New(BorrowedReference callable, BorrowedReference sentinel) =>
        ObjectSpace.NewRef(new PyCallableIterator(ObjectSpace.FromNativeOrNull(callable) ?? throw Abstract.BadInternalCall(),
            ObjectSpace.FromNativeOrNull(sentinel) ?? throw Abstract.BadInternalCall()));
}
