import FuzzSupport

/// libFuzzer's entry point: the first byte picks one of the 104 request and response types of
/// `ml_metadata.MetadataStoreService`, the rest is parsed as its text format. What parses must
/// survive print → parse (equal messages, identical text) and the binary round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let (type, bytes) = FuzzSupport.split(data, size) else { return 0 }
    FuzzSupport.textRoundTrip(type, bytes)
    return 0
}
