using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>os.fspath(): the file system representation of a path-like object.</summary>
internal static class FsPath
{
    /// <summary>str and bytes (subclasses too) as they are, else what the type's
    /// __fspath__ returns, which must be one of them.</summary>
    internal static PyObject Of(PyObject path)
    {
        if (IsStrOrBytes(path))
        {
            return path;
        }
        var fspath = ObjectApi.LookupSpecial(path, "__fspath__") ?? throw new PythonException(PyExc.TypeError,
            $"expected str, bytes or os.PathLike object, not {path.Type.ShortName}");
        var result = Abstract.Call(fspath, PyTuple.Empty, null);
        return IsStrOrBytes(result) ? result : throw new PythonException(PyExc.TypeError,
            $"expected {path.Type.ShortName}.__fspath__() to return str or bytes, not {result.Type.ShortName}");
    }

    private static bool IsStrOrBytes(PyObject o) =>
        o.Type.IsSubtypeOf(BuiltinTypes.Str) || o.Type.IsSubtypeOf(BuiltinTypes.Bytes);

    [CApi]
    internal static NewReference PyOS_FSPath(BorrowedReference path) => ObjectSpace.NewRef(Of(ObjectSpace.FromNative(path)));
}
