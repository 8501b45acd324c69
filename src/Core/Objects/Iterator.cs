using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>An iterator implemented in managed code: __iter__ is itself, __next__ is
/// <see cref="Next"/>, which answers null once exhausted (and from then on).</summary>
internal abstract class PyIterator(PyType type) : PyObject(type)
{
    internal abstract PyObject? Next();

    /// <summary>__length_hint__: how many items are left, when known.</summary>
    internal virtual long? LengthHint() => null;

    /// <summary>__reduce__, for the iterator types that have one.</summary>
    internal virtual PyObject Reduce() => throw new InvalidOperationException($"{Type.Name} has no __reduce__");

    /// <summary>__setstate__, for the iterator types that have one.</summary>
    internal virtual void SetState(PyObject state) => throw new InvalidOperationException($"{Type.Name} has no __setstate__");

    /// <summary>__length_hint__, on the iterator types that have one in CPython. (__iter__ and
    /// __next__ are the slot wrappers of their tp_iter and tp_iternext, statics.c's.)</summary>
    internal static void AddLengthHint(PyType type) =>
        PyBuiltinMethodDescriptor.Add(type, "__length_hint__", (self, args, kwargs) =>
        {
            ArgCheck.None($"{type.Name}.__length_hint__", args, kwargs);
            return new PyInt(((PyIterator)self!).LengthHint() ?? 0);
        });
}

/// <summary>The iterators of the built-in sequences (tuple_iterator, list_iterator,
/// str_iterator, bytes_iterator) and the generic one over sq_item (iterator, CPython's
/// seqiterobject): an index into the sequence, dropped once exhausted.</summary>
internal sealed class PySequenceIterator : PyIterator
{
    private PyObject? sequence;
    private int[]? codePoints;
    private long index;

    private PySequenceIterator(PyType type, PyObject sequence) : base(type) => this.sequence = sequence;

    internal static PySequenceIterator For(PyObject sequence) => sequence switch
    {
        PyTuple => new(BuiltinTypes.Get("tuple_iterator"), sequence),
        PyList => new(BuiltinTypes.Get("list_iterator"), sequence),
        PyStr s => new(BuiltinTypes.Get("str_iterator"), sequence) { codePoints = PyStr.CodePoints(s.Value) },
        PyBytes => new(BuiltinTypes.Get("bytes_iterator"), sequence),
        PyByteArray => new(BuiltinTypes.Get("bytearray_iterator"), sequence),
        _ => new(BuiltinTypes.Get("iterator"), sequence),
    };

    /// <summary>PySeqIter_New: the generic iterator type, whatever the sequence.</summary>
    internal static PySequenceIterator Generic(PyObject sequence) =>
        new(BuiltinTypes.Get("iterator"), sequence) { codePoints = sequence is PyStr s ? PyStr.CodePoints(s.Value) : null };

    internal override PyObject? Next()
    {
        switch (sequence)
        {
            case null:
                return null;
            case PyTuple or PyList or PyBytes or PyByteArray:
                // A list may have changed since the last step: its current length decides (its
                // own, whatever sq_length a C subclass gives it, as list_iterator reads the list).
                if (index < Abstract.BuiltinLength(sequence))
                {
                    return Abstract.SequenceItemSlot(sequence, index++);
                }
                break;
            case PyStr:
                if (index < codePoints!.Length)
                {
                    return new PyStr(PyStr.FromCodePoints(codePoints.AsSpan((int)index++, 1)));
                }
                break;
            default:
                try
                {
                    return Abstract.SequenceGetItem(sequence, index++);
                }
                catch (PythonException e) when (e.Type is PyType t
                    && (t.IsSubtypeOf(PyExc.IndexError) || t.IsSubtypeOf(PyExc.StopIteration)))
                {
                }
                break;
        }
        sequence = null;
        return null;
    }

    internal override long? LengthHint() => sequence switch
    {
        null => 0,
        PyStr => codePoints!.Length - index,
        PyTuple or PyList or PyBytes or PyByteArray => Math.Max(0, Abstract.BuiltinLength(sequence) - index),
        _ => null,
    };
}

/// <summary>The twin of an iterator defined in C is a PyNativeInstance; stepping it goes
/// through tp_iternext.</summary>
internal static partial class Abstract
{
    /// <summary>PyIter_Check: the type has __next__ (tp_iternext).</summary>
    internal static bool IsIterator(PyObject o) => o is PyIterator || NativeSlots.IterNext(o) != 0;

    /// <summary>iter(o) (PyObject_GetIter): tp_iter, else an iterator over sq_item.</summary>
    internal static PyObject GetIter(PyObject o)
    {
        if (NativeSlots.Iter(o) is var tpIter and not 0)
        {
            // A C type's tp_iter, or a C subclass's of a built-in.
            var it = NativeSlots.Call(tpIter, o);
            return IsIterator(it) ? it : throw TypeError($"iter() returned non-iterator of type '{it.Type.Name}'");
        }
        return GetIterOfKind(o);
    }

    /// <summary>iter(o) as the object space serves o's kind of object (a built-in's tp_iter).</summary>
    internal static PyObject GetIterOfKind(PyObject o)
    {
        switch (o)
        {
            case PyIterator:
                return o;
            case PyTuple or PyList or PyStr or PyBytes or PyByteArray:
                return PySequenceIterator.For(o);
            case PyRange r:
                return r.Iterate();
            case PyMemoryView m:
                return m.Iterate();
            case PyDict d:
                return new PyDictIterator(d, DictViewKind.Keys);
            case PyDictView v:
                return new PyDictIterator(v.Source, v.Kind);
            case PySet s:
                return new PySetIterator(s);
            case PyMappingProxy p:
                return GetIter(p.Mapping);
            case PyGenericAlias alias:
                return new PyGenericAliasIterator(alias);
        }
        if (IsSequence(o))
        {
            return PySequenceIterator.For(o);
        }
        throw TypeError($"'{o.Type.Name}' object is not iterable");
    }

    /// <summary>next(it) (PyIter_Next): null when exhausted; StopIteration raised by a
    /// C iterator counts as exhaustion.</summary>
    internal static unsafe PyObject? Next(PyObject it)
    {
        if (it is PyIterator managed)
        {
            return managed.Next();
        }
        nint tpIternext = NativeSlots.IterNext(it);
        if (tpIternext == 0)
        {
            throw TypeError($"'{it.Type.Name}' object is not an iterator");
        }
        nint result = ((delegate* unmanaged<nint, nint>)tpIternext)(ObjectSpace.ToNative(it));
        if (result != 0)
        {
            return ObjectSpace.Steal(result);
        }
        var error = PythonException.Fetch();
        if (error is null || (error.Type is PyType t && t.IsSubtypeOf(PyExc.StopIteration)))
        {
            return null;
        }
        throw error;
    }

    /// <summary>The items of any iterable. iter(o) is taken at once, so "not iterable"
    /// raises here; the items are fetched as the caller enumerates.</summary>
    internal static IEnumerable<PyObject> Iterate(PyObject o)
    {
        var it = GetIter(o);
        return Drain(it);

        static IEnumerable<PyObject> Drain(PyObject it)
        {
            while (Next(it) is { } item)
            {
                yield return item;
            }
        }
    }
}

/// <summary>PyObject_GetIter, PyIter_Check, PyIter_Next.</summary>
internal static class IterApi
{
    [CApi]
    internal static NewReference PyObject_GetIter(BorrowedReference o) =>
        ObjectSpace.NewRef(Abstract.GetIter(ObjectSpace.FromNativeOrNull(o) ?? throw SequenceApi.NullError()));

    [CApi(Error = "0")]
    internal static int PyIter_Check(BorrowedReference o) =>
        !o.IsNull && Abstract.IsIterator(ObjectSpace.FromNative(o)) ? 1 : 0;

    /// <summary>NULL without an exception set when the iterator is exhausted.</summary>
    [CApi]
    internal static NewReference PyIter_Next(BorrowedReference iter) =>
        ObjectSpace.NewRefOrNull(Abstract.Next(ObjectSpace.FromNative(iter)));
}

/// <summary>iter(callable, sentinel): calls until the result equals the sentinel.</summary>
internal sealed class PyCallableIterator(PyObject callable, PyObject sentinel) : PyIterator(BuiltinTypes.Get("callable_iterator"))
{
    private PyObject? callable = callable;

    internal override PyObject? Next()
    {
        if (callable is null)
        {
            return null;
        }
        PyObject result;
        try
        {
            result = Abstract.Call(callable, PyTuple.Empty, null);
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.StopIteration))
        {
            callable = null;
            return null;
        }
        if (Abstract.RichCompareBool(result, sentinel, CompareOp.Eq))
        {
            callable = null;
            return null;
        }
        return result;
    }
}
