import Testing
@testable import TallyModel

@Suite struct SequenceInternerTests {
    @Test func identicalKeysShareANumber() {
        var interner = SequenceInterner()
        let first = interner.intern([1, 2, 3])
        let second = interner.intern([1, 2, 3])
        #expect(first.number == 0 && first.isNew)
        #expect(second.number == 0 && !second.isNew)
        #expect(interner.count == 1)
    }

    @Test func keysThatDifferOnlyInLengthOrOrderDiffer() {
        var interner = SequenceInterner()
        let keys: [[UInt16]] = [[], [0], [0, 0], [1, 2], [2, 1], [1, 2, 0]]
        let numbers = keys.map { interner.intern($0).number }
        #expect(numbers == [0, 1, 2, 3, 4, 5])
        for (number, key) in keys.enumerated() { #expect(Array(interner[number]) == key) }
    }

    @Test func growsPastManyKeysAndStillFindsEach() {
        var interner = SequenceInterner(capacity: 4)
        for value in 0..<5_000 { _ = interner.intern([UInt16(value % 100), UInt16(value / 100)]) }
        #expect(interner.count == 5_000)
        for value in stride(from: 0, to: 5_000, by: 37) {
            let key: [UInt16] = [UInt16(value % 100), UInt16(value / 100)]
            #expect(key.withUnsafeBufferPointer { interner.find($0) } == value)
        }
        #expect([UInt16(999)].withUnsafeBufferPointer { interner.find($0) } == nil)
    }
}
