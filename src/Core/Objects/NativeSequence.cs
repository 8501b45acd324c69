using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>What tuple and list share: a managed view of a native array of
/// <c>PyObject*</c> (ob_item) that is the storage of both worlds.</summary>
internal abstract unsafe class PyNativeSequence(PyType type) : PyObject(type)
{
    /// <summary>The native item array (it moves when a list grows: read it each time).</summary>
    protected abstract nint* ItemArray { get; }

    internal int Count => (int)((PyVarObjectHead*)Native)->ob_size;

    internal PyObject this[int i] => ObjectSpace.FromNative(ItemArray[i]);

    internal PyObject[] ToArray()
    {
        var a = new PyObject[Count];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = this[i];
        }
        return a;
    }

    internal override bool IsTrue() => Count != 0;

    /// <summary>"(1, 2)", "[1, 2]", with "(...)"/"[...]" for a container inside itself.</summary>
    protected PyStr ReprItems(char open, char close, bool commaAfterSingleItem)
    {
        if (Count == 0)
        {
            return new PyStr($"{open}{close}");
        }
        using var guard = ReprGuard.Enter(this);
        if (guard.Recursive)
        {
            return new PyStr($"{open}...{close}");
        }
        var parts = new List<string>(Count);
        for (int i = 0; i < Count; i++)
        {
            parts.Add(this[i].ReprString());
        }
        string single = commaAfterSingleItem && parts.Count == 1 ? "," : "";
        return new PyStr($"{open}{string.Join(", ", parts)}{single}{close}");
    }
}
