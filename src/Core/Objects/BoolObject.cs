using System.Numerics;

namespace PyCApi.Objects;

/// <summary>bool: the two singletons, linked to _Py_TrueStruct and _Py_FalseStruct.</summary>
internal sealed class PyBool : PyInt
{
    internal static readonly PyBool True = new(true), False = new(false);

    private PyBool(bool value) : base(null!, value ? BigInteger.One : BigInteger.Zero) { }

    internal static PyBool Of(bool value) => value ? True : False;

    internal override PyStr ReprCore() => new(IsTrue() ? "True" : "False");
}

/// <summary>bool's own slots: &amp;, | and ^ of two bools are bools; everything else is int's.</summary>
internal static class BoolArithmetic
{
    internal static readonly NumberSlots Slots = CreateSlots();

    private static BinarySlot Logical(NumberOp op, Func<bool, bool, bool> f) => (v, w) =>
        v is PyBool a && w is PyBool b ? PyBool.Of(f(a.IsTrue(), b.IsTrue())) : IntArithmetic.Slots.Binary[(int)op]!(v, w);

    private static NumberSlots CreateSlots()
    {
        var s = new NumberSlots();
        s.Binary[(int)NumberOp.And] = Logical(NumberOp.And, (a, b) => a & b);
        s.Binary[(int)NumberOp.Or] = Logical(NumberOp.Or, (a, b) => a | b);
        s.Binary[(int)NumberOp.Xor] = Logical(NumberOp.Xor, (a, b) => a ^ b);
        return s;
    }
}
