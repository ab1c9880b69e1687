namespace OutreachBot.LineEmulator.Meta;

/// <summary>
/// Images the emulator serves at <c>/_emulator/meta/images/sample.jpg</c> and <c>sample.png</c>, so a post can carry an
/// image with no server of its own: an 8x8 grey baseline JPEG (one DC-only block) and a 1x1 PNG.
/// </summary>
internal static class SampleImages
{
    public static readonly byte[] Jpeg = Convert.FromHexString(
        "ffd8ffe000104a46494600010100000100010000ffdb004300" + string.Concat(Enumerable.Repeat("01", 64)) +
        "ffc0000b080008000801011100" +
        "ffc4001400" + "01" + string.Concat(Enumerable.Repeat("00", 15)) + "00" +
        "ffc4001410" + "01" + string.Concat(Enumerable.Repeat("00", 15)) + "00" +
        "ffda000801010000003f00" + "3f" + "ffd9");

    public static readonly byte[] Png = Convert.FromHexString(
        "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c6378689003000373017e4aaa07290000000049454e44ae426082");
}
