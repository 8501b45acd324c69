using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The functions of the builtins module implemented in managed code.</summary>
internal static class Builtins
{
    internal static IEnumerable<PyBuiltinFunction> Functions()
    {
        yield return new PyBuiltinFunction("len", null, (_, args, kwargs) =>
            new PyInt(Abstract.Length(ArgCheck.One("len", args, kwargs))), doc: "Return the number of items in a container.");
        yield return new PyBuiltinFunction("repr", null, (_, args, kwargs) => ArgCheck.One("repr", args, kwargs).Repr());
    }
}
