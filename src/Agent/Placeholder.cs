namespace FrontDesk.Agent; /// <summary>x</summary>
public static class Placeholder { }
