using System.Numerics;

namespace PyCApi.Objects;

/// <summary>bool: the two singletons, linked to _Py_TrueStruct and _Py_FalseStruct.</summary>
internal sealed class PyBool : PyInt
{
    internal static readonly PyBool True = new(true), False = new(false);

    private PyBool(bool value) : base(null!, value ? BigInteger.One : BigInteger.Zero) { }

    internal static PyBool Of(bool value) => value ? True : False;

    internal override PyStr Repr() => new(IsTrue() ? "True" : "False");
}
