/* PyFloat_Pack2/4/8 and PyFloat_Unpack2/4/8: the bytes in both orders, the value read back,
   rounding (half to even, subnormals, underflow), signed zeros, inf, NaN and overflow. */
#include "conformance.h"
#include <float.h>
#include <math.h>

typedef int (*packer)(double, char *, int);
typedef double (*unpacker)(const char *, int);

static void print_bytes(const char *p, int n)
{
    for (int i = 0; i < n; i++) {
        printf("%02x", (unsigned char)p[i]);
    }
}

/* "<size> <x>: le=<hex> be=<hex> -> <value read back> sign=<signbit>" or the error. */
static void pack_round_trip(int size, packer pack, unpacker unpack, double x)
{
    char le[8], be[8];
    printf("Pack%d(%.17g): ", size, x);
    int rc_le = pack(x, le, 1);
    if (rc_le != 0) {
        printf("%d, ", rc_le);
        conf_write_exc();
        int rc_be = pack(x, be, 0);
        printf(" | be: %d, ", rc_be);
        conf_write_exc();
        fputc('\n', stdout);
        return;
    }
    int rc_be = pack(x, be, 0);
    printf("le=");
    print_bytes(le, size);
    printf(" be=");
    print_bytes(be, size);
    double back_le = unpack(le, 1), back_be = unpack(be, 0);
    printf(" rc=%d -> %.17g / %.17g sign=%d%d", rc_be, back_le, back_be, signbit(back_le) != 0, signbit(back_be) != 0);
    if (PyErr_Occurred()) {
        fputs(", ", stdout);
        conf_write_exc();
    }
    fputc('\n', stdout);
}

static void unpack_bytes(int size, unpacker unpack, unsigned int hi, unsigned int lo)
{
    /* a 2- or 4-byte pattern written big-endian as two halves: hi, lo */
    char be[4], le[4];
    if (size == 2) {
        be[0] = (char)hi;
        be[1] = (char)lo;
    } else {
        be[0] = (char)(hi >> 8);
        be[1] = (char)hi;
        be[2] = (char)(lo >> 8);
        be[3] = (char)lo;
    }
    for (int i = 0; i < size; i++) {
        le[i] = be[size - 1 - i];
    }
    double a = unpack(be, 0), b = unpack(le, 1);
    printf("Unpack%d(", size);
    print_bytes(be, size);
    printf("): %.17g / %.17g sign=%d", a, b, signbit(a) != 0);
    if (PyErr_Occurred()) {
        fputs(", ", stdout);
        conf_write_exc();
    }
    fputc('\n', stdout);
}

int main(void)
{
    conf_init();
    double values[] = {
        0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 0.1, 1.0 / 3.0, 1e-10, 1e-300, 5e-324, 1.5, 3.0,
        65504.0, 65519.99, 65520.0, -65520.0, 65536.0, 1e5, 1e38, 3.4028234663852886e38,
        3.4028235677973362e38, 3.4028235677973366e38, 1e39, -1e39, DBL_MAX, -DBL_MAX,
        /* binary16 neighbourhood of 1: ties go to the even fraction */
        1.0 + 0x1p-11, 1.0 + 3 * 0x1p-11, 1.0 + 0x1p-11 + 0x1p-40, 1.0 - 0x1p-12, 2048.0, 2049.0, 2050.0, 2051.0,
        /* binary16 normals and subnormals, and the underflow to zero */
        0x1p-14, 0x1p-14 - 0x1p-24, 0x1p-14 - 0x1p-25, 0x1p-24, 0x1p-25, 0x1p-25 + 0x1p-60, 0x1p-26, 3 * 0x1p-26,
        1.5 * 0x1p-24, 2.5 * 0x1p-24, 3.5 * 0x1p-24, -0x1p-25, -0x1p-26, 1023 * 0x1p-24, 1023.5 * 0x1p-24,
        /* binary32 subnormals */
        0x1p-149, 0x1p-150, 0x1p-151, 1.5 * 0x1p-149, 0x1p-126,
        HUGE_VAL, -HUGE_VAL, NAN, -NAN,
    };
    size_t n = sizeof values / sizeof values[0];
    for (size_t i = 0; i < n; i++) {
        pack_round_trip(2, PyFloat_Pack2, PyFloat_Unpack2, values[i]);
    }
    for (size_t i = 0; i < n; i++) {
        pack_round_trip(4, PyFloat_Pack4, PyFloat_Unpack4, values[i]);
    }
    for (size_t i = 0; i < n; i++) {
        pack_round_trip(8, PyFloat_Pack8, PyFloat_Unpack8, values[i]);
    }

    unsigned int halves[] = {0x0000, 0x8000, 0x0001, 0x03ff, 0x0400, 0x3c00, 0x3c01, 0x7bff, 0x7c00, 0xfc00,
                             0x7c01, 0x7e00, 0xfe00, 0x7fff, 0xc000, 0x3555};
    for (size_t i = 0; i < sizeof halves / sizeof halves[0]; i++) {
        unpack_bytes(2, PyFloat_Unpack2, halves[i] >> 8, halves[i] & 0xff);
    }
    unsigned int singles[][2] = {{0x0000, 0x0001}, {0x8000, 0x0000}, {0x7f80, 0x0000}, {0xff80, 0x0000},
                                 {0x7fc0, 0x0000}, {0x7fa0, 0x0001}, {0x3f80, 0x0000}, {0x7f7f, 0xffff}};
    for (size_t i = 0; i < sizeof singles / sizeof singles[0]; i++) {
        unpack_bytes(4, PyFloat_Unpack4, singles[i][0], singles[i][1]);
    }
    /* a NaN's sign and payload survive binary32 -> double -> binary32 */
    char nan4[4] = {0x01, 0x00, (char)0xc0, (char)0xff}, again[4];
    int rc = PyFloat_Pack4(PyFloat_Unpack4(nan4, 1), again, 1);
    printf("negative quiet NaN with payload 1 through Unpack4/Pack4: %d ", rc);
    print_bytes(again, 4);
    fputc('\n', stdout);
    return conf_end();
}
