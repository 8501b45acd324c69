using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>list: a view of the native PyListObject, whose ob_item is the storage both
/// worlds read and write (PyList_SET_ITEM from C is seen here at once, and back).</summary>
internal sealed unsafe class PyList : PyObject
{
    private PyList(nint native) : base(BuiltinTypes.List) => Native = native;

    internal static PyList FromNative(nint p) => new(p);

    internal static PyList Create(IEnumerable<PyObject> items)
    {
        nint p = CPart.PyList_New(0);
        if (p == 0)
        {
            throw PythonException.FetchOrSystemError();
        }
        var list = (PyList)ObjectSpace.FromNative(p);
        ObjectSpace.DecRef(p);
        foreach (var item in items)
        {
            list.Append(item);
        }
        return list;
    }

    internal override nint CreateNative() => throw new InvalidOperationException("a list is born native");

    private PyListLayout* Layout => (PyListLayout*)Native;

    internal int Count => (int)Layout->ob_base.ob_size;

    internal PyObject this[int i] => ObjectSpace.FromNative(((nint*)Layout->ob_item)[i]);

    internal void Append(PyObject item)
    {
        if (CPart.PyList_Append(Native, ObjectSpace.ToNative(item)) < 0)
        {
            throw PythonException.FetchOrSystemError();
        }
    }

    internal PyObject[] ToArray()
    {
        var a = new PyObject[Count];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = this[i];
        }
        return a;
    }

    internal override PyStr Repr()
    {
        if (Count == 0)
        {
            return new PyStr("[]");
        }
        using var guard = ReprGuard.Enter(this);
        if (guard.Recursive)
        {
            return new PyStr("[...]");
        }
        var parts = new List<string>();
        for (int i = 0; i < Count; i++)
        {
            parts.Add(this[i].ReprString());
        }
        return new PyStr($"[{string.Join(", ", parts)}]");
    }

    internal override bool IsTrue() => Count != 0;

    internal override long Hash() => throw Abstract.Unhashable(this);

    internal override PyObject RichCompare(PyObject other, CompareOp op) => other is PyList l
        ? SequenceCompare.Compare(ToArray(), l.ToArray(), op)
        : PyNotImplemented.Instance;
}
