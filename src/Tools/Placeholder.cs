namespace FrontDesk.Tools; /// <summary>x</summary>
public static class Placeholder { }
