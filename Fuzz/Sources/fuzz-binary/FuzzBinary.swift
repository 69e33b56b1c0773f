import FuzzSupport

/// libFuzzer's entry point: the first byte picks one of the 104 request and response types of
/// `ml_metadata.MetadataStoreService`, the rest is decoded as its binary form. What decodes must
/// survive decode → encode → decode (equal messages, identical bytes) and print as text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let (type, bytes) = FuzzSupport.split(data, size) else { return 0 }
    FuzzSupport.binaryRoundTrip(type, bytes)
    return 0
}
